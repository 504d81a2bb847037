using ClusterAtlas.Indicators;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>A chart of one indicator's yearly values, with the observations it was drawn from.</summary>
public sealed record IndicatorChart(string Key, string Indicator, ChartData Data, IReadOnlyList<ObservationDto> Observations);

/// <summary>
/// Charts for indicators published year by year: one chart per indicator and scope, one series per sector, a null
/// where a year has no value (drawn as a gap, never as zero). Values for spans of years are left to the tables.
/// </summary>
internal static class IndicatorCharts
{
    public static List<ChartData> Series(IEnumerable<ObservationDto> observations, UiText t) => [.. Build(observations, t).Select(c => c.Data)];

    /// <param name="observations">The values to chart.</param>
    /// <param name="t">The UI text of the page.</param>
    /// <param name="scopeName">Names a programme code; when given, titles say whose series it is (one indicator may have several).</param>
    public static List<IndicatorChart> Build(IEnumerable<ObservationDto> observations, UiText t, Func<string, string>? scopeName = null)
    {
        var yearly = observations.Where(o => o.FiscalYearFrom is not null && o.FiscalYearFrom.Year == (o.FiscalYearTo ?? o.FiscalYearFrom).Year).ToList();
        var charts = new List<IndicatorChart>();
        foreach (var group in yearly.GroupBy(o => (o.Indicator, o.Programme, o.Region)))
        {
            var years = group.Select(o => o.FiscalYearFrom!.Year).Distinct().Order().ToList();
            if (years.Count < 2)
            {
                continue;
            }
            var range = Enumerable.Range(years[0], years[^1] - years[0] + 1).ToList();
            var first = group.First();
            var title = t.Name(first.IndicatorNameJa, first.IndicatorNameEn)
                + (scopeName is not null && group.Key.Programme is { } p ? " — " + scopeName(p) : "");
            var sectors = group.Select(o => o.Sector).Distinct().ToList();
            var series = group.GroupBy(o => o.Sector).Select(s => new ChartSeries(sectors.Count == 1 && s.Key == "all" ? title : t.Label("sector", s.Key),
                [.. range.Select(y => s.FirstOrDefault(o => o.FiscalYearFrom!.Year == y)?.Value)])).ToList();
            var key = string.Join("-", new[] { group.Key.Indicator, group.Key.Programme, group.Key.Region }.Where(k => k is not null));
            charts.Add(new IndicatorChart(key, group.Key.Indicator, new ChartData(first.Unit == "%" ? "line" : "bar", title, t.Unit(first.Unit),
                [.. range.Select(t.FyShort)], series), [.. group]));
        }
        return charts;
    }
}
