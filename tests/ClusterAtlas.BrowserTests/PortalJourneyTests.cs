using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// What a visitor does in a real browser, against the portal on a real port with the curated dataset (issue 4):
/// search 「創薬」 → a region → a figure's source line; switch to English; the map of Japan; the network graph.
/// Screenshots go to TestResults/screenshots/ under the repository root.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class PortalJourneyTests(BrowserFixture browser)
{
    private const string JapanMap = "[data-widget=japan-map]";

    [GeneratedRegex(@"/sources/[^/?#]+[^#]*#L(\d+)$")]
    private static partial Regex SourceLineUrl();

    private Task<PageSession> OpenPortalAsync() => browser.OpenAsync(browser.PortalAddress);

    private static async Task ExpectHealthyAsync(PageSession session)
    {
        Assert.Empty(await session.Page.FailedWidgetsAsync());
        Assert.True(session.Errors.Count == 0, $"errors on {session.Page.Url}:\n" + string.Join("\n", session.Errors));
    }

    [Fact]
    public async Task Search_for_sōyaku_then_Kansai_then_a_figure_opens_its_source_line()
    {
        await using var session = await OpenPortalAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        var box = page.Locator("main input[type=search][name=q]").First;
        await box.FillAsync("創薬");
        // On a busy CI machine a key press can be dropped while the page is still settling; press Enter again,
        // at most three times, until the search page is reached.
        for (var attempt = 1; ; attempt++)
        {
            var navigation = page.WaitForURLAsync(new Regex(@"/search\?(.*&)?q="), new() { Timeout = 15000 });
            await box.PressAsync("Enter");
            try
            {
                await navigation;
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        Assert.Equal("創薬", System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["q"]);
        await page.WaitForWidgetsAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Widgets.Screenshot("search"), FullPage = true });
        await ExpectHealthyAsync(session);

        // The hit is Kansai's project (関西広域バイオメディカルクラスター), named with its region, and leads to the region.
        var hit = page.Locator("main li.hit", new() { Has = page.Locator("a[href*='/regions/kansai']") }).First;
        await Assertions.Expect(hit.Locator(".hit-region")).ToContainTextAsync("関西広域地域");
        var kansai = hit.Locator("a[href*='/regions/kansai']");
        await kansai.ClickAsync();
        await page.WaitForURLAsync("**/regions/kansai**");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("関西広域地域");
        await page.WaitForWidgetsAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Widgets.Screenshot("region-from-search"), FullPage = true });
        await ExpectHealthyAsync(session);

        var citation = page.Locator("main a[href*='/sources/'][href*='#L']").First;
        await citation.ClickAsync();
        await page.WaitForURLAsync(SourceLineUrl());
        var line = SourceLineUrl().Match(page.Url).Groups[1].Value;
        var target = page.Locator($"[id='L{line}']");
        await Assertions.Expect(target).ToBeVisibleAsync();
        await Assertions.Expect(target).ToBeInViewportAsync();
        // The cited line is highlighted: it is the :target, and it looks different from an ordinary line
        // (another background or an outline).
        var look = await target.EvaluateAsync<string[]>("""
            el => {
              const plain = [...document.querySelectorAll('[id^=L]')].find(x => x !== el && !x.matches('.cited'));
              const style = getComputedStyle(el);
              return [String(el.matches(':target')), style.backgroundColor, style.outlineStyle,
                      plain ? getComputedStyle(plain).backgroundColor : 'rgba(0, 0, 0, 0)'];
            }
            """);
        Assert.Equal("true", look[0]);
        Assert.True(look[1] != look[3] || look[2] != "none", $"line {line} is not highlighted: background {look[1]}, outline {look[2]}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Widgets.Screenshot("source-line") });
        await ExpectHealthyAsync(session);
    }

    [Fact]
    public async Task Region_page_draws_its_figures()
    {
        await using var session = await OpenPortalAsync();
        var page = session.Page;
        await page.GotoAsync("/regions/kansai");
        await page.WaitForWidgetsAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("関西広域地域");
        var widgets = await page.Locator("[data-widget][data-widget-state=ready]").CountAsync();
        Assert.True(widgets >= 1, "no figure drawn on the region page");
        // Each figure offers its data and pictures.
        Assert.Equal(widgets, await page.Locator("[data-widget] ~ .atlas-widget-tools").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Widgets.Screenshot("region"), FullPage = true });
        await ExpectHealthyAsync(session);
    }

    [Fact]
    public async Task Home_map_shows_one_labelled_point_per_region_with_coordinates()
    {
        await using var session = await OpenPortalAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        await page.WaitForWidgetsAsync();

        var expected = Dataset.LocatedRegionCodes();
        var points = (await page.IslandAsync(JapanMap)).GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), points.Select(p => p.GetProperty("code").GetString()!).Order(StringComparer.Ordinal));
        // Drawn, not only listed: one scatter symbol and one SVG label per region.
        Assert.Equal(expected.Count, await page.DrawnItemsAsync(JapanMap, "scatter"));
        var texts = await page.SvgTextsAsync(JapanMap);
        var unlabeled = points.Select(p => p.GetProperty("name").GetString()!).Where(n => !texts.Contains(n)).ToList();
        Assert.True(unlabeled.Count == 0, "regions without a label: " + string.Join(", ", unlabeled));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Widgets.Screenshot("home"), FullPage = true });
        await page.Locator(JapanMap).ScreenshotAsync(new LocatorScreenshotOptions { Path = Widgets.Screenshot("home-map") });
        await page.Locator("[data-widget=timeline]").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Widgets.Screenshot("home-timeline") });
        await ExpectHealthyAsync(session);
    }

    [Fact]
    public async Task Home_on_a_phone_draws_the_map_inside_the_screen()
    {
        await using var session = await browser.OpenAsync(browser.PortalAddress, width: 390, height: 844);
        var page = session.Page;
        await page.GotoAsync("/");
        await page.WaitForWidgetsAsync();
        Assert.Equal(Dataset.LocatedRegionCodes().Count, await page.DrawnItemsAsync(JapanMap, "scatter"));
        var box = (await page.Locator(JapanMap).BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"map box {box.X}+{box.Width} wider than the phone");
        await page.Locator(JapanMap).ScreenshotAsync(new LocatorScreenshotOptions { Path = Widgets.Screenshot("home-phone-map") });
        await ExpectHealthyAsync(session);
    }

    [Fact]
    public async Task Switching_to_English_shows_English_labels_and_stays_English()
    {
        await using var session = await OpenPortalAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        await page.Locator("a[hreflang=en]").First.ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.WaitForWidgetsAsync();

        await Assertions.Expect(page.Locator("nav").First).ToContainTextAsync("Search");
        Assert.Contains("Greater Kansai", await page.SvgTextsAsync(JapanMap));
        var download = await page.Locator(JapanMap + " ~ .atlas-widget-tools button").First.GetAttributeAsync("aria-label");
        Assert.StartsWith("Download map", download, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Widgets.Screenshot("english-home"), FullPage = true });
        await page.Locator(JapanMap).ScreenshotAsync(new LocatorScreenshotOptions { Path = Widgets.Screenshot("english-home-map") });
        await ExpectHealthyAsync(session);

        // The choice is kept (URL or cookie) when the visitor moves on.
        await page.GotoAsync("/regions/kansai");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Greater Kansai");
    }

    [Fact]
    public async Task Network_page_draws_every_node()
    {
        await using var session = await OpenPortalAsync();
        var page = session.Page;
        await page.GotoAsync("/network");
        await page.WaitForWidgetsAsync();

        const string network = "[data-widget=network]";
        var nodes = (await page.IslandAsync(network)).GetProperty("nodes").GetArrayLength();
        Assert.True(nodes > 10, $"only {nodes} nodes");
        Assert.Equal(nodes, await page.DrawnItemsAsync(network, "graph"));
        Assert.True((await page.Locator(network + " svg path").CountAsync()) >= nodes);

        await page.WaitForTimeoutAsync(2000); // let the force layout settle for the picture
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Widgets.Screenshot("network"), FullPage = true });
        await page.Locator(network).ScreenshotAsync(new LocatorScreenshotOptions { Path = Widgets.Screenshot("network-graph") });
        await ExpectHealthyAsync(session);
    }
}
