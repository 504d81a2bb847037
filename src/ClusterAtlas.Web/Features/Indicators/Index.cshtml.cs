using System.Globalization;
using ClusterAtlas.Indicators;
using ClusterAtlas.Paging;
using ClusterAtlas.Programmes;
using ClusterAtlas.Surveys;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Indicators;

/// <summary>One indicator's section: its charts (each with its numbers) and the table of all its values.</summary>
public sealed record IndicatorSection(IndicatorDto Definition, IReadOnlyList<(IndicatorChart Chart, DataTable Numbers)> Charts, DataTable Values);

/// <summary>
/// /indicators: outcome series as charts with the numbers beside them, each indicator's values (the first
/// <see cref="PortalLimits.TableRows"/>, with the count of all and a link to the API), and the surveys.
/// </summary>
public sealed class IndexModel(ObservationQueries observations, ProgrammeOverview programmes, SurveyQueries surveys) : PortalPageModel
{
    private static readonly PageRequest First = new(PortalLimits.TableRows, 0, null);

    public List<IndicatorSection> Sections { get; private set; } = [];
    public List<SurveyDto> Surveys { get; private set; } = [];
    public List<DataTable> SurveyTables { get; private set; } = [];
    public DataTable All { get; private set; } = new("all", "");

    /// <summary>False when the chart limit left some series out (PortalLimits.ChartRows); the page then says so.</summary>
    public bool ChartsComplete { get; private set; } = true;

    /// <summary>How many values there are in all (a SQL COUNT); the "all" download holds the first of them.</summary>
    public int Total { get; private set; }

    public static string ApiFor(string? indicator) =>
        "/api/v1/indicators?limit=" + PageRequest.MaxLimit.ToString(CultureInfo.InvariantCulture)
        + (indicator is null ? "" : "&indicator=" + Uri.EscapeDataString(indicator));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var names = (await programmes.ListAsync(ct)).ToDictionary(p => p.Code, p => T.Name(p.NameJa, p.NameEn), StringComparer.Ordinal);
        string Name(string code) => names.GetValueOrDefault(code, code);
        // Counts come from SQL; each table reads only its first rows (a national registry has millions of values).
        var definitions = await observations.DefinitionsAsync(ct);
        // Charts: national and programme-wide series, each read whole (see ChartableAsync); a region's series are charted
        // on its own page, since tens of thousands of region charts would say nothing here.
        var (chartable, complete) = await observations.ChartableAsync(null, PortalLimits.ChartRows, ct);
        ChartsComplete = complete;
        var charts = IndicatorCharts.Build(chartable, T, Name).ToLookup(c => c.Indicator);
        var tables = new List<DataTable>();
        foreach (var d in definitions.Where(d => d.Observations > 0))
        {
            var own = (await observations.ListAsync(new ObservationFilter(d.Code, null, null, null), First, ct)).Items;
            var sectionCharts = charts[d.Code].Select(c => (c, Numbers(c))).ToList();
            var table = IndicatorTables.Build("ind-" + d.Code, T.Name(d.NameJa, d.NameEn), own, T, Name);
            Sections.Add(new IndicatorSection(d, sectionCharts, table));
            tables.Add(table);
            tables.AddRange(sectionCharts.Select(c => c.Item2));
        }
        // Series first: the indicators published year by year are what the dashboard is for.
        Sections = [.. Sections.OrderByDescending(s => s.Charts.Count > 0).ThenBy(s => s.Definition.Id)];
        var all = await observations.ListAsync(new ObservationFilter(null, null, null, null), First, ct);
        Total = all.Total;
        All = IndicatorTables.Build("all", T["indicators.table"], all.Items, T, Name);
        Surveys = await surveys.ListAsync(ct);
        foreach (var s in Surveys)
        {
            var table = new DataTable("survey-" + s.Code, T.Name(s.NameJa, s.NameEn), T["indicators.survey.question"], T["indicators.survey.segment"],
                T["indicators.survey.share"], T["indicators.published"]) { Json = s };
            foreach (var a in s.Answers)
            {
                table.Add(Cell.Of(a.Question, lang: T.JaOnly), T.Label("sector", a.Segment),
                    Cell.Num(a.Share is { } share ? (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—", a.Share?.ToString(CultureInfo.InvariantCulture)),
                    Cell.Of(a.PublishedText, cites: a.Citations, lang: T.JaOnly));
            }
            SurveyTables.Add(table);
        }
        return PageOrData([All, .. tables, .. SurveyTables]);
    }

    /// <summary>The chart's numbers as a table: a row per fiscal year, a column per series; a missing year stays empty.</summary>
    private DataTable Numbers(IndicatorChart chart)
    {
        var table = new DataTable("series-" + chart.Key, chart.Data.Title + (string.IsNullOrEmpty(chart.Data.Unit) ? "" : $" ({chart.Data.Unit})"),
            [T["common.fiscalYear"], .. chart.Data.Series.Select(s => s.Name)]) { Json = chart.Observations };
        for (var i = 0; i < chart.Data.Labels.Count; i++)
        {
            var index = i;
            var year = chart.Observations.Select(o => o.FiscalYearFrom!).Where(f => T.FyShort(f.Year) == chart.Data.Labels[index]).FirstOrDefault();
            table.Add([Cell.Of(year is null ? chart.Data.Labels[i] : T.Fy(year)), .. chart.Data.Series.Select(s =>
            {
                var cites = chart.Observations.Where(o => o.FiscalYearFrom is not null && T.FyShort(o.FiscalYearFrom.Year) == chart.Data.Labels[index]
                    && T.Label("sector", o.Sector) == s.Name).SelectMany(o => o.Citations).ToList();
                return Cell.Num(s.Data[index] is { } v ? T.Number(v) : "—", s.Data[index]?.ToString(CultureInfo.InvariantCulture) ?? "", cites);
            })]);
        }
        return table;
    }
}
