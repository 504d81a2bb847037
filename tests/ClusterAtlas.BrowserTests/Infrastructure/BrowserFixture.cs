using Microsoft.Playwright;
using Xunit;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>
/// One Chromium (Debian's /usr/bin/chromium, never a downloaded build), the portal on a real port and the widget
/// harness, shared by every browser test. If the portal cannot start, the harness tests still run and the portal tests
/// report the start-up error.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private PortalFactory? portal;
    private Uri? portalAddress;
    private Exception? portalError;
    private HarnessServer? harness;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("browser not started");

    public Uri HarnessAddress => harness?.BaseAddress ?? throw new InvalidOperationException("harness not started");

    /// <summary>The portal's base address (http://127.0.0.1:port/); throws the start-up error if the app did not start.</summary>
    public Uri PortalAddress => portalAddress ?? throw new InvalidOperationException("the portal did not start", portalError);

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with `apt-get install -y chromium fonts-noto-cjk` (./test.sh does).");
        }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        harness = await HarnessServer.StartAsync();
        try
        {
            portal = new PortalFactory();
            portalAddress = portal.Start();
        }
#pragma warning disable CA1031 // the error is kept and rethrown by every portal test
        catch (Exception e)
#pragma warning restore CA1031
        {
            portalError = e;
        }
    }

    /// <summary>A fresh browser context and page (Japanese locale, desktop size) that records script errors.</summary>
    public async Task<PageSession> OpenAsync(Uri baseAddress, bool bypassCsp = false, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            // axe-core is injected as an inline script tag, which a strict CSP would (rightly) block.
            BypassCSP = bypassCsp,
        });
        var page = await context.NewPageAsync();
        // Generous: the machine may be busy (CI builds, other test lanes); a healthy page takes a second or two.
        page.SetDefaultTimeout(30_000);
        return new PageSession(context, page);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
