using ClusterAtlas.Events;
using ClusterAtlas.Indicators;
using ClusterAtlas.Paging;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Web.Features.Budgets;
using ClusterAtlas.Web.Features.Events;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Programmes;

/// <summary>/programmes/{code}: description, term, ministry, parts, lineage, regions, budgets (blank is not zero), indicators, events.</summary>
public sealed class DetailsModel(
    ProgrammeQueries programmes, ProgrammeOverview overview, ProgrammeMembers memberships, CooperationQueries cooperation,
    ObservationQueries observations, EventQueries events) : PortalPageModel
{
    public ProgrammeDto Programme { get; private set; } = null!;
    public ProgrammeOverviewDto? Overview { get; private set; }
    public Dictionary<string, ProgrammeOverviewDto> ByCode { get; private set; } = [];
    public TimelineData Timeline { get; private set; } = new([], 2001, 2013);
    public ChartData? BudgetChart { get; private set; }
    public List<IndicatorChart> Charts { get; private set; } = [];
    public DataTable Regions { get; private set; } = null!;
    public DataTable Budgets { get; private set; } = null!;
    public DataTable Cooperation { get; private set; } = null!;
    public DataTable Indicators { get; private set; } = null!;
    public DataTable Events { get; private set; } = null!;
    public int RegionTotal { get; private set; }
    public int IndicatorTotal { get; private set; }
    public int EventTotal { get; private set; }
    public bool TimelineComplete { get; private set; } = true;
    public bool ChartsComplete { get; private set; } = true;

    /// <summary>The paged API list behind a table of this page, for the rows beyond the page's limit.</summary>
    public string Api(string list) => $"/api/v1/{list}?programme={Uri.EscapeDataString(Programme.Code)}&limit={PageRequest.MaxLimit}";

    public string NameOf(string code) => ByCode.TryGetValue(code, out var p) ? T.Name(p.NameJa, p.NameEn) : code;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var programme = await programmes.GetAsync(code, ct);
        if (programme is null)
        {
            return NotFound();
        }
        Programme = programme;
        var all = await overview.ListAsync(ct);
        ByCode = all.ToDictionary(p => p.Code, StringComparer.Ordinal);
        Overview = ByCode.GetValueOrDefault(programme.Code);

        // Tables hold their first rows (PortalLimits.TableRows) with the count of all: a national programme has thousands.
        var members = await memberships.ListAsync(programme.Code, PortalLimits.TableRows, ct);
        RegionTotal = members.Total;
        var rows = members.Items.GroupBy(m => m.Region).Select(g => (Region: g.First(), Items: (IReadOnlyList<ParticipationDto>)[.. g.Select(m => m.Participation)])).ToList();
        // The timeline is drawn only from the complete list: a timeline of the first rows would silently miss regions.
        TimelineComplete = members.Items.Count == members.Total;
        if (TimelineComplete)
        {
            Timeline = Maps.Participations(rows.Select(r => (T.Name(r.Region.RegionNameJa, r.Region.RegionNameEn), (string?)PortalLinks.Region(r.Region.Region), r.Items)), T);
        }
        Regions = new DataTable("regions", T["programme.regions.table"], T["common.region"], T["common.programme"], T["common.term"], T["common.termText"],
            T["region.cluster"]) { Json = rows.Select(r => new { Code = r.Region.Region, NameJa = r.Region.RegionNameJa, NameEn = r.Region.RegionNameEn, Participations = r.Items }) };
        foreach (var (region, items) in rows)
        {
            foreach (var p in items)
            {
                Regions.Add(Cell.Of(T.Name(region.RegionNameJa, region.RegionNameEn), PortalLinks.Region(region.Region)),
                    Cell.Of(T.Name(p.ProgrammeNameJa, p.ProgrammeNameEn), p.Programme == programme.Code ? null : PortalLinks.Programme(p.Programme)),
                    T.Term(p.Start, p.End), Cell.Of(p.TermText, cites: p.Citations.For("termText", "startFy", "endFy"), lang: T.JaOnly),
                    Cell.Of(p.ClusterName, cites: p.Citations.For("clusterName"), lang: T.JaOnly));
            }
        }

        BuildBudgets(programme);

        var links = await cooperation.ListAsync(programme.Code, ct);
        Cooperation = new DataTable("cooperation", T["programme.cooperation.table"], T["common.programme"], T["common.kind"], T["common.term"], T["common.activity"])
            { Json = links };
        foreach (var c in links)
        {
            var other = c.From == programme.Code ? c.To : c.From;
            Cooperation.Add(Cell.Of(NameOf(other), PortalLinks.Programme(other)), c.Kind, T.Term(c.FiscalYearFrom, c.FiscalYearTo),
                Cell.Of(c.DescriptionJa, cites: c.Citations, lang: T.JaOnly));
        }

        var first = new PageRequest(PortalLimits.TableRows, 0, null);
        var values = await observations.ListAsync(new ObservationFilter(null, programme.Code, null, null), first, ct);
        IndicatorTotal = values.Total;
        // Charts: the programme-wide series, each read whole (ChartableAsync); its regions' series are on their pages.
        var (chartable, complete) = await observations.ChartableAsync(programme.Code, PortalLimits.ChartRows, ct);
        ChartsComplete = complete;
        Charts = IndicatorCharts.Build(chartable, T, NameOf);
        Indicators = IndicatorTables.Build("indicators", T["indicators.table"], values.Items, T, c => NameOf(c));

        var related = await events.ListAsync(new EventFilter(null, null, null, null, null, null, programme.Code), first, ct);
        EventTotal = related.Total;
        Events = EventTables.Build([.. related.Items], T);
        return PageOrData(Regions, Budgets, Cooperation, Indicators, Events);
    }

    /// <summary>Each cell with its reconciled status: derived values marked, blanks left blank, the explanation beside it.</summary>
    private void BuildBudgets(ProgrammeDto programme)
    {
        Budgets = new DataTable("budgets", T["programme.budgets.table"], T["common.fiscalYear"], T["quality.valueUsed"],
            T["programme.budgets.published"], T["common.status"], T["quality.explanation"], T["programme.budgets.footnote"], T["common.note"]) { Json = programme.Budgets };
        foreach (var b in programme.Budgets)
        {
            var figure = BudgetFigureView.Of(b, T);
            Budgets.AddRow(null, "status-" + b.Status,
                b.IsRowTotal ? T["programme.budgets.total"] : T.Fy(b.FiscalYear),
                Cell.Num(figure.Detail ?? figure.Text, figure.Raw),
                Cell.Of(b.PublishedText.Length == 0 ? T["status.blank"] : b.PublishedText, cites: b.Citations, lang: b.PublishedText.Length == 0 ? null : T.JaOnly),
                new Cell([new CellPart(T.Label("status", b.Status), figure.Href, Css: "status-badge status-" + b.Status)], [], Raw: T.Label("status", b.Status)),
                Cell.Of(b.Explanation, lang: "en"), Cell.Of(b.Footnote, lang: T.JaOnly), Cell.Of(b.Note, lang: "en"));
        }
        var yearly = programme.Budgets.Where(b => !b.IsRowTotal && b.FiscalYear is not null).OrderBy(b => b.FiscalYear!.Year).ToList();
        if (yearly.Count > 0)
        {
            // Printed and derived figures are separate series, so a derived value is never mistaken for a printed one.
            var series = new List<ChartSeries> { new(T.Name(programme.NameJa, programme.NameEn), [.. yearly.Select(b => b.AmountMillionYen)]) };
            if (yearly.Any(b => b.Status == "derived"))
            {
                series.Add(new ChartSeries(T["status.derived"], [.. yearly.Select(b => b.Status == "derived" ? b.ValueUsed : null)]));
            }
            BudgetChart = new ChartData("bar", T["programme.budgets.table"], T.En ? "million yen" : "百万円", [.. yearly.Select(b => T.FyShort(b.FiscalYear!.Year))], series);
        }
    }
}
