using System.Globalization;
using ClusterAtlas.Programmes;
using ClusterAtlas.Tests.Api;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Scale;

/// <summary>
/// /indicators, /international and /programmes/{code} on a registry with thousands of values: each table and its
/// download hold at most PortalLimits.TableRows rows, and the page states the true total (compared with a SQL COUNT).
/// </summary>
public sealed class PagesAtScaleTests(GeneratedRegistry registry) : IClassFixture<GeneratedRegistry>
{
    private const int Limit = PortalLimits.TableRows;

    [Fact]
    public async Task IndicatorsPage_ShowsTheFirstValuesOfEachIndicator_AndCountsThemAll()
    {
        await using var db = registry.Cli.NewContext();
        var total = await db.IndicatorObservations.CountAsync();
        var perIndicator = await db.Indicators.Select(i => new { i.Code, Count = db.IndicatorObservations.Count(o => o.IndicatorId == i.Id) })
            .Where(i => i.Count > 0).ToListAsync();
        Assert.True(total > Limit * 10, $"the generated registry has {total} values");
        var client = registry.Web.CreateClient();

        using var page = await client.GetAsync(new Uri("/indicators", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var all = await client.GetStringAsync(new Uri("/indicators?format=csv&table=all", UriKind.Relative));

        Assert.Equal(200, (int)page.StatusCode);
        Assert.Contains(ShownOf(Limit, total), html, StringComparison.Ordinal);
        Assert.Equal(Limit + 1, Lines(all));
        foreach (var indicator in perIndicator)
        {
            var csv = await client.GetStringAsync(new Uri($"/indicators?format=csv&table=ind-{indicator.Code}", UriKind.Relative));
            Assert.Equal(Math.Min(indicator.Count, Limit) + 1, Lines(csv));
            if (indicator.Count > Limit)
            {
                Assert.Contains(ShownOf(Limit, indicator.Count), html, StringComparison.Ordinal);
                Assert.Contains($"/api/v1/indicators?limit=500&amp;indicator={indicator.Code}", html, StringComparison.Ordinal);
            }
        }
        // Every row on the page is one of the bounded tables' rows.
        Assert.InRange(Occurrences(html, "id=\"obs-"), 1, Limit * perIndicator.Count);
    }

    [Fact]
    public async Task InternationalPage_ListsAtMostTheLimit_AndItsMapAndCountryTableCoverEveryLink()
    {
        await using var db = registry.Cli.NewContext();
        var total = await db.InternationalLinks.CountAsync();
        Assert.True(total > 0, "the generated registry has links");
        var client = registry.Web.CreateClient();

        using var page = await client.GetAsync(new Uri("/international", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var links = await client.GetStringAsync(new Uri("/international?format=csv&table=links", UriKind.Relative));
        var countries = await client.GetJsonAsync("/international?format=json&table=countries");

        Assert.Equal(200, (int)page.StatusCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{total} 件"), html, StringComparison.Ordinal);
        Assert.Equal(Math.Min(total, Limit) + 1, Lines(links));
        if (total > Limit)
        {
            Assert.Contains(ShownOf(Limit, total), html, StringComparison.Ordinal);
        }
        // The by-country counts come from GROUP BY over every link, not from the rows listed.
        var counted = countries.AsArray().Sum(c => c!["links"]!.GetValue<int>());
        Assert.Equal(total, counted);
    }

    [Fact]
    public async Task ProgrammePage_BoundsItsRegionsIndicatorsAndEvents_AndStatesTheirTotals()
    {
        await using var db = registry.Cli.NewContext();
        // The programme with the most values in the generated registry.
        var code = await db.IndicatorObservations.Where(o => o.ProgrammeId != null).GroupBy(o => o.Programme!.Code)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var ids = await ProgrammeTree.DescendantIdsAsync(db, code, CancellationToken.None);
        var values = await db.IndicatorObservations.CountAsync(o => o.ProgrammeId != null && ids.Contains(o.ProgrammeId.Value));
        var participations = await db.Participations.CountAsync(p => ids.Contains(p.ProgrammeId));
        var events = await db.Events.CountAsync(e => e.ProgrammeId != null && ids.Contains(e.ProgrammeId.Value));
        Assert.True(values > Limit, $"{code} has {values} values");
        var client = registry.Web.CreateClient();

        using var page = await client.GetAsync(new Uri("/programmes/" + code, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)page.StatusCode);
        Assert.Contains(ShownOf(Limit, values), html, StringComparison.Ordinal);
        foreach (var (table, count) in new[] { ("indicators", values), ("regions", participations), ("events", events) })
        {
            var csv = await client.GetStringAsync(new Uri($"/programmes/{code}?format=csv&table={table}", UriKind.Relative));
            Assert.Equal(Math.Min(count, Limit) + 1, Lines(csv));
            if (count > Limit)
            {
                Assert.Contains(ShownOf(Limit, count), html, StringComparison.Ordinal);
            }
        }
    }

    private static string ShownOf(int shown, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"全{total}件のうち{shown}件を表示しています。");

    // Generated cells hold no line breaks, so a line is a row (the first is the header).
    private static int Lines(string csv) => csv.TrimEnd().Split('\n').Length;

    private static int Occurrences(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
