using System.Text.RegularExpressions;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// Issue 5 in a real browser: the budget charts draw, a derived figure's mark leads to its reasoning on /quality, and the
/// home map colours regions by group with a legend. Screenshots go to TestResults/screenshots/.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BudgetJourneyTests(BrowserFixture browser)
{
    private static async Task ExpectHealthyAsync(PageSession session)
    {
        Assert.Empty(await session.Page.FailedWidgetsAsync());
        Assert.True(session.Errors.Count == 0, $"errors on {session.Page.Url}:\n" + string.Join("\n", session.Errors));
    }

    [Fact]
    public async Task Budgets_charts_draw_and_a_derived_mark_opens_its_reasoning()
    {
        await using var session = await browser.OpenAsync(browser.PortalAddress);
        var page = session.Page;
        await page.GotoAsync("/budgets");
        await page.WaitForWidgetsAsync();

        const string byMinistry = "[data-for=chart-by-ministry-cstp-cluster-data]";
        const string byYear = "[data-for=chart-by-year-cstp-cluster-data]";
        var ministries = (await page.IslandAsync(byMinistry)).GetProperty("labels").GetArrayLength();
        Assert.True(await page.DrawnItemsAsync(byMinistry, "bar") >= ministries, "the chart by ministry drew fewer bars than ministries");
        Assert.True(await page.DrawnItemsAsync(byYear, "bar") > 0);
        await page.Locator(byMinistry).ScreenshotAsync(new LocatorScreenshotOptions { Path = Widgets.Screenshot("budgets-by-ministry") });
        await page.Locator(byYear).ScreenshotAsync(new LocatorScreenshotOptions { Path = Widgets.Screenshot("budgets-by-year") });
        await ExpectHealthyAsync(session);

        var mark = page.Locator("#row-mhlw-nibio a.status-badge.status-derived");
        var target = await mark.GetAttributeAsync("href") ?? "";
        Assert.StartsWith("/quality#cell-", target, StringComparison.Ordinal);
        await mark.ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(target) + "$"));
        var row = page.Locator(target[target.IndexOf('#', StringComparison.Ordinal)..]);
        await Assertions.Expect(row).ToContainTextAsync("11,443");
        await Assertions.Expect(row).ToContainTextAsync("34,250 − 11,474 − 11,333");
        await ExpectHealthyAsync(session);
    }

    [Fact]
    public async Task Home_map_colours_regions_by_group_with_a_legend()
    {
        await using var session = await browser.OpenAsync(browser.PortalAddress);
        var page = session.Page;
        await page.GotoAsync("/?lang=en");
        await page.WaitForWidgetsAsync();

        const string map = "[data-widget=japan-map]";
        var labels = (await page.IslandAsync(map)).GetProperty("groupLabels").EnumerateObject().Select(p => p.Value.GetString()!).ToList();
        Assert.True(labels.Count > 1, "one group only");
        var series = await page.WithChartAsync<int>(map, "(el, chart) => chart.getOption().series.length");
        Assert.Equal(labels.Count, series);
        var texts = await page.SvgTextsAsync(map);
        Assert.All(labels, l => Assert.Contains(l, texts));
        await page.Locator(map).ScreenshotAsync(new LocatorScreenshotOptions { Path = Widgets.Screenshot("home-map-groups-en") });
        await ExpectHealthyAsync(session);
    }
}
