using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace ClusterAtlas.BrowserTests;

/// <summary>axe-core on the main pages, after the widgets have drawn: no serious or critical violations.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string> MainPages() => new()
    {
        "/",
        "/search?q=" + Uri.EscapeDataString("創薬"),
        "/regions/kansai",
        "/programmes/kc-2",
        "/sources/" + Dataset.FirstSourceId(),
        "/network",
        "/?lang=en",
        "/budgets",
        "/quality",
        "/budgets?lang=en",
    };

    /// <summary>The pages whose screenshot is kept (TestResults/screenshots/a11y-…png) for a reviewer to look at.</summary>
    private static readonly Dictionary<string, string> Screenshots = new(StringComparer.Ordinal)
    {
        ["/budgets"] = "a11y-budgets", ["/quality"] = "a11y-quality", ["/budgets?lang=en"] = "a11y-budgets-en",
    };

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task Page_has_no_serious_or_critical_axe_violations(string url)
    {
        await using var session = await browser.OpenAsync(browser.PortalAddress, bypassCsp: true);
        var page = session.Page;
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response?.Status);
        await page.WaitForWidgetsAsync();

        if (Screenshots.TryGetValue(url, out var name))
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Widgets.Screenshot(name), FullPage = true });
        }
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core on {url}:\n" + string.Join("\n", violations));
    }
}
