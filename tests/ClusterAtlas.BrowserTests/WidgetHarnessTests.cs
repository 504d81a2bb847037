using System.Text;
using System.Text.Json;
using ClusterAtlas.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace ClusterAtlas.BrowserTests;

/// <summary>
/// The widgets of atlas.js on the harness page (Harness/widgets.html: the WIDGETS.md contract without the Razor pages),
/// served under a strict Content-Security-Policy. Independent of the portal's pages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WidgetHarnessTests(BrowserFixture browser)
{
    private const string Budget = "[data-for=budget-chart-data]";
    private const string JapanMap = "[data-widget=japan-map]";
    private const string WorldMap = "[data-for=world-map-data]";
    private const string Timeline = "[data-widget=timeline]";
    private const string Network = "[data-widget=network]";

    private async Task<PageSession> OpenHarnessAsync(string page = "index.html", bool bypassCsp = false)
    {
        var session = await browser.OpenAsync(browser.HarnessAddress, bypassCsp);
        await session.Page.GotoAsync(page);
        await session.Page.WaitForWidgetsAsync();
        return session;
    }

    [Fact]
    public async Task Every_widget_renders_under_a_strict_CSP_without_script_errors()
    {
        await using var session = await OpenHarnessAsync();
        var page = session.Page;

        var failed = await page.FailedWidgetsAsync();
        // Only the deliberately broken island fails, and it fails visibly in the state attribute, not silently.
        Assert.Equal(["chart #broken-data: " + await page.GetAttributeAsync("#broken", "data-widget-error")], failed);
        Assert.All(await page.Locator("[data-widget]:not(#broken)").AllAsync(), async w => Assert.Equal("ready", await w.GetAttributeAsync("data-widget-state")));

        await page.WaitForTimeoutAsync(1500); // let the force layout settle for the picture
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Widgets.Screenshot("harness-ja"), FullPage = true });
        foreach (var kind in new[] { "japan-map", "world-map", "timeline", "network" })
        {
            await page.Locator($"[data-widget={kind}]").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Widgets.Screenshot("harness-" + kind) });
        }

        var unexpected = Unexpected(session);
        Assert.True(unexpected.Count == 0, "unexpected errors:\n" + string.Join("\n", unexpected));
    }

    [Fact]
    public async Task Chart_draws_null_as_a_gap_not_as_zero()
    {
        await using var session = await OpenHarnessAsync();
        var page = session.Page;
        var values = await page.WithChartAsync<JsonElement>(Budget, "(el, chart) => chart.getOption().series[0].data");
        Assert.Equal(JsonValueKind.Null, values[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, values[4].ValueKind);
        // 6 fiscal years, 2 without data: 4 bars drawn.
        Assert.Equal(4, await page.DrawnItemsAsync(Budget, "bar"));
        Assert.Contains("平成17年度", await page.SvgTextsAsync(Budget));
        Assert.Contains("百万円", await page.SvgTextsAsync(Budget));
        // The line chart breaks at null instead of connecting through it.
        var connect = await page.WithChartAsync<bool>("[data-for=participants-chart-data]", "(el, chart) => chart.getOption().series.some(s => s.connectNulls)");
        Assert.False(connect);
    }

    [Fact]
    public async Task Chart_downloads_PNG_SVG_and_CSV()
    {
        await using var session = await OpenHarnessAsync();
        var page = session.Page;
        var tools = page.Locator(Budget + " + .atlas-widget-tools");

        var png = await DownloadAsync(page, tools.Locator("button[data-format=png]"));
        Assert.Equal("budget-chart.png", png.Name);
        Assert.True(png.Bytes.Length > 2000, $"PNG of {png.Bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Bytes[..4]);

        var svg = await DownloadAsync(page, tools.Locator("button[data-format=svg]"));
        var svgText = Encoding.UTF8.GetString(svg.Bytes);
        Assert.StartsWith("<svg", svgText, StringComparison.Ordinal);
        Assert.Contains("知的クラスター創成事業 予算", svgText, StringComparison.Ordinal); // the title travels with the file

        var csv = await DownloadAsync(page, tools.Locator("button[data-format=csv]"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv.Bytes[..3]); // BOM for spreadsheets
        var lines = Encoding.UTF8.GetString(csv.Bytes[3..]).Split("\r\n");
        Assert.Equal("区分,予算額 (百万円)", lines[0]);
        Assert.Equal("平成17年度,7059.9", lines[1]);
        Assert.Equal("平成18年度,", lines[2]); // no data stays empty, not 0

        // The buttons have names that say what they download.
        Assert.Equal("グラフ「知的クラスター創成事業の予算（平成17〜22年度）」をPNG形式でダウンロード",
            await tools.Locator("button[data-format=png]").GetAttributeAsync("aria-label"));
    }

    [Fact]
    public async Task Japan_map_draws_and_labels_every_region_of_the_dataset()
    {
        await using var session = await OpenHarnessAsync();
        var page = session.Page;
        var points = (await page.IslandAsync(JapanMap)).GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(HarnessServer.RegionPoints(english: false).Count, points.Count);
        Assert.True(points.Count >= 20, $"only {points.Count} regions");

        Assert.Equal(points.Count, await page.DrawnItemsAsync(JapanMap, "scatter"));
        var texts = await page.SvgTextsAsync(JapanMap);
        var unlabeled = points.Select(p => p.GetProperty("name").GetString()!).Where(n => !texts.Contains(n)).ToList();
        Assert.True(unlabeled.Count == 0, "points without a label: " + string.Join(", ", unlabeled));

        // Every point is inside the drawn map area (Japan's outline from countries-50m).
        var outside = await page.WithChartAsync<string[]>(JapanMap, """
            (el, chart, e, points) => points.filter(p => {
              const [x, y] = chart.convertToPixel({ geoIndex: 0 }, [p.lon, p.lat]);
              return !(x >= 0 && y >= 0 && x <= el.clientWidth && y <= el.clientHeight);
            }).map(p => p.name)
            """, points.Select(p => new { name = p.GetProperty("name").GetString(), lat = p.GetProperty("lat").GetDouble(), lon = p.GetProperty("lon").GetDouble() }).ToArray());
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Map_and_network_downloads_keep_every_label()
    {
        await using var session = await OpenHarnessAsync();
        var page = session.Page;
        var names = HarnessServer.RegionPoints(english: false).Select(p => p!["name"]!.GetValue<string>()).ToList();
        var svg = Encoding.UTF8.GetString((await DownloadAsync(page, page.Locator(JapanMap + " + .atlas-widget-tools button[data-format=svg]"))).Bytes);
        Assert.DoesNotContain(names, n => !svg.Contains(n, StringComparison.Ordinal));

        await page.WaitForTimeoutAsync(1000); // the force layout settles; the download freezes it where it is
        var graph = Encoding.UTF8.GetString((await DownloadAsync(page, page.Locator(Network + " + .atlas-widget-tools button[data-format=svg]"))).Bytes);
        foreach (var label in new[] { "関西広域地域", "広域仙台地域", "東北大学", "オウル大学", "フィンランド" })
        {
            Assert.Contains(label, graph, StringComparison.Ordinal);
        }
        var png = await DownloadAsync(page, page.Locator(Network + " + .atlas-widget-tools button[data-format=png]"));
        Assert.Equal("network.png", png.Name);
        Assert.True(png.Bytes.Length > 5000, $"PNG of {png.Bytes.Length} bytes");
        await File.WriteAllBytesAsync(Widgets.Screenshot("harness-network-download"), png.Bytes);
        Assert.Empty(Unexpected(session));
    }

    [Fact]
    public async Task Japan_map_point_click_opens_the_region()
    {
        await using var session = await OpenHarnessAsync();
        var page = session.Page;
        var map = page.Locator(JapanMap);
        await map.ScrollIntoViewIfNeededAsync();
        var box = (await map.BoundingBoxAsync())!;
        // Sapporo is far from other regions: its point is not covered by another label.
        var xy = await page.WithChartAsync<double[]>(JapanMap, "(el, chart) => chart.convertToPixel({ geoIndex: 0 }, [141.35, 43.06])");
        await page.Mouse.MoveAsync((float)(box.X + xy[0]), (float)(box.Y + xy[1]));
        await Assertions.Expect(map).ToContainTextAsync("クリックで開く"); // the tooltip of the hovered point
        // A click that lands while echarts is still re-rendering the hover state can be dropped on a loaded machine,
        // so click again (up to three times) until the navigation starts; the assertion below stays the same.
        for (var attempt = 1; !page.Url.Contains("/regions/", StringComparison.Ordinal); attempt++)
        {
            try
            {
                var navigation = page.WaitForURLAsync("**/regions/**", new() { Timeout = 15000 });
                await page.Mouse.ClickAsync((float)(box.X + xy[0]), (float)(box.Y + xy[1]));
                await navigation;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        Assert.EndsWith("/regions/sapporo-doo", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task World_map_shades_partner_countries_and_lists_regions_in_the_tooltip()
    {
        await using var session = await OpenHarnessAsync();
        var page = session.Page;
        var shaded = JsonDocument.Parse(await page.WithChartAsync<string>(WorldMap,
            "(el, chart) => JSON.stringify(Object.fromEntries(chart.getOption().series[0].data.filter(d => Number.isFinite(d.value)).map(d => [d.name, d.value])))")).RootElement;
        // ISO numeric codes: FI 246 (2 links), SG 702, KR 410, US 840, TW 158; the link without a country is not drawn.
        Assert.Equal(2, shaded.GetProperty("246").GetInt32());
        foreach (var id in new[] { "702", "410", "840", "158" })
        {
            Assert.Equal(1, shaded.GetProperty(id).GetInt32());
        }
        Assert.True(shaded.EnumerateObject().Count() == 5, shaded.GetRawText());
        // Singapore is too small for the 110m map: it comes from countries-50m and gets a marker.
        Assert.Equal(1, await page.DrawnItemsAsync(WorldMap, "scatter"));

        var map = page.Locator(WorldMap);
        await map.ScrollIntoViewIfNeededAsync();
        var box = (await map.BoundingBoxAsync())!;
        var xy = await page.WithChartAsync<double[]>(WorldMap, "(el, chart) => chart.convertToPixel({ geoIndex: 0 }, [26, 64])");
        await page.Mouse.MoveAsync((float)(box.X + xy[0]), (float)(box.Y + xy[1]));
        var tooltip = map.Locator("div").Filter(new LocatorFilterOptions { HasText = "フィンランド" }).Last;
        await Assertions.Expect(tooltip).ToContainTextAsync("広域仙台地域");
        await Assertions.Expect(tooltip).ToContainTextAsync("関西広域地域");
        await Assertions.Expect(tooltip).ToContainTextAsync("2件");

        // Partner names are text, never markup: hovering the US shows the script tag as text and runs nothing.
        xy = await page.WithChartAsync<double[]>(WorldMap, "(el, chart) => chart.convertToPixel({ geoIndex: 0 }, [-100, 40])");
        await page.Mouse.MoveAsync((float)(box.X + xy[0]), (float)(box.Y + xy[1]));
        await Assertions.Expect(map.Locator("div").Filter(new LocatorFilterOptions { HasText = "アメリカ合衆国" }).Last).ToContainTextAsync("<script>alert(1)</script>");
        // No dialog (the script did not run) and no CSP violation from the tooltips' markup.
        Assert.True(Unexpected(session).Count == 0, string.Join("\n", Unexpected(session)));
    }

    [Fact]
    public async Task World_map_with_one_link_per_country_paints_only_the_partners()
    {
        await using var session = await OpenHarnessAsync();
        var page = session.Page;
        // Fills of the country shapes: the untouched grey must stay the most common one, the partners differ.
        var fills = await page.EvaluateAsync<int[]>("""
            () => {
              const counts = {};
              for (const p of document.querySelectorAll('#world-single svg path')) {
                const f = p.getAttribute('fill');
                if (f && f !== 'none') counts[f] = (counts[f] ?? 0) + 1;
              }
              return Object.values(counts).sort((a, b) => b - a);
            }
            """);
        Assert.True(fills.Length >= 2 && fills[0] > 100, "fills: " + string.Join(",", fills));
        var painted = await page.WithChartAsync<int>("#world-single",
            "(el, chart) => chart.getOption().series[0].data.filter(d => Number.isFinite(d.value)).length");
        Assert.Equal(2, painted);
        await page.Locator("#world-single").ScreenshotAsync(new LocatorScreenshotOptions { Path = Widgets.Screenshot("harness-world-single") });
    }

    [Fact]
    public async Task Timeline_draws_every_bar_with_fiscal_year_ticks()
    {
        await using var session = await OpenHarnessAsync();
        var page = session.Page;
        Assert.Equal(5, await page.DrawnItemsAsync(Timeline, "custom"));
        var texts = await page.SvgTextsAsync(Timeline);
        Assert.Contains(texts, t => t.Contains("平成19", StringComparison.Ordinal));
        Assert.Contains("関西広域地域", texts);
        // Four tracks → four series, named in the legend by their bar labels.
        var names = await page.WithChartAsync<string[]>(Timeline, "(el, chart) => chart.getOption().series.map(s => s.name)");
        Assert.Equal(["知的クラスター創成事業 第Ⅰ期", "知的クラスター創成事業 第Ⅱ期", "グローバル拠点育成", "都市エリア"], names);
    }

    [Fact]
    public async Task Network_draws_every_node_and_drops_dangling_edges()
    {
        await using var session = await OpenHarnessAsync();
        var page = session.Page;
        Assert.Equal(7, await page.DrawnItemsAsync(Network, "graph"));
        var edges = await page.WithChartAsync<int>(Network, "(el, chart) => chart.getOption().series[0].edges.length");
        Assert.Equal(6, edges);
        var legend = await page.WithChartAsync<string[]>(Network, "(el, chart) => chart.getOption().legend[0].data");
        Assert.Equal(["地域", "事業", "機関", "海外連携先", "国"], legend);
        var roam = await page.WithChartAsync<bool>(Network, "(el, chart) => chart.getOption().series[0].roam === true");
        Assert.True(roam);
    }

    [Fact]
    public async Task English_page_gets_English_widget_labels()
    {
        await using var session = await OpenHarnessAsync("en.html");
        var page = session.Page;
        Assert.Empty(await page.FailedWidgetsAsync().ContinueWith(t => t.Result.Where(f => !f.Contains("broken", StringComparison.Ordinal)).ToList()));
        var legend = await page.WithChartAsync<string[]>(Network, "(el, chart) => chart.getOption().legend[0].data");
        Assert.Equal(["Region", "Programme", "Organisation", "Foreign partner", "Country"], legend);
        Assert.Contains("FY2007", await page.SvgTextsAsync(Timeline));
        Assert.Contains("Greater Kansai", await page.SvgTextsAsync(JapanMap));
        Assert.StartsWith("Download chart", await page.Locator(Budget + " + .atlas-widget-tools button").First.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Widgets.Screenshot("harness-en"), FullPage = true });
    }

    [Fact]
    public async Task Harness_has_no_serious_accessibility_violations()
    {
        await using var session = await OpenHarnessAsync(bypassCsp: true);
        var violations = await Axe.SeriousViolationsAsync(session.Page);
        Assert.True(violations.Count == 0, "axe-core:\n" + string.Join("\n", violations));
    }

    /// <summary>Errors other than the one the deliberately broken data island must cause.</summary>
    private static List<string> Unexpected(PageSession session) =>
        session.Errors.Where(e => !e.Contains("#broken-data failed", StringComparison.Ordinal)).ToList();

    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page, ILocator button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }
}
