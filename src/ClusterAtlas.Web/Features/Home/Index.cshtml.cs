using ClusterAtlas.Indicators;
using ClusterAtlas.Overview;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ClusterAtlas.Web.Features.Home;

// Registry-wide (its map reads every region's latest project): cached per language and data version, as region pages are.
[OutputCache(PolicyName = RegistryCaching.Policy)]
public sealed class IndexModel(HeadlineFigures figures, RegistryCounts counts, ProgrammeOverview programmes, RegionQueries regions) : PortalPageModel
{
    /// <summary>The programme-wide totals worth a headline, in this order.</summary>
    private static readonly string[] HeadlineIndicators =
        ["patent-applications", "commercialisations", "adoptions-other-programmes", "ic-companies", "ic-universities", "foreign-researchers"];

    public List<HeadlineFigureDto> Figures { get; private set; } = [];
    public RegistryCountsDto Counts { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);
    public TimelineData Timeline { get; private set; } = new([], 2001, 2013);
    public JapanMapData Map { get; private set; } = new([]);
    public DataTable ProgrammeTable { get; private set; } = new("programmes", "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Figures = await figures.ListAsync(HeadlineIndicators, ct);
        Counts = await counts.GetAsync(ct);
        var all = (await programmes.ListAsync(ct)).Where(p => p.Start is not null || p.FirstParticipation is not null).ToList();
        var years = all.SelectMany(p => new[] { p.Start?.Year, p.End?.Year, p.FirstParticipation?.Year, p.LastParticipation?.Year }).OfType<int>().ToList();
        var max = years.Count == 0 ? 2013 : years.Max();
        Timeline = new TimelineData([.. all.Select(p => new TimelineRow(T.Name(p.NameJa, p.NameEn), PortalLinks.Programme(p.Code),
            [
                .. p.Start is null ? [] : new[] { new TimelineBar(p.Start.Year, p.End?.Year ?? max,
                    T["home.timeline.published"] + (p.End is null ? " " + T["term.open"] : ""), p.Code) },
                .. p.FirstParticipation is null ? [] : new[] { new TimelineBar(p.FirstParticipation.Year, p.LastParticipation!.Year,
                    T["home.timeline.observed"], "participations") },
            ]))], years.Count == 0 ? 2001 : years.Min(), max);
        ProgrammeTable = new DataTable("programmes", T["home.timeline.caption"], T["common.programme"], T["common.ministry"],
            T["common.termText"], T["home.timeline.published"], T["home.timeline.observed"], T["programme.regionCount"]) { Json = all };
        foreach (var p in all)
        {
            ProgrammeTable.AddRow(null, "depth-" + Math.Min(p.Depth, 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Cell.Of(T.Name(p.NameJa, p.NameEn), PortalLinks.Programme(p.Code)),
                p.Ministry is null ? Cell.Of(null) : Cell.Of(T.Name(p.MinistryNameJa!, p.MinistryNameEn), PortalLinks.Ministry(p.Ministry)),
                Cell.Of(p.TermText, cites: p.Citations.For("termText", "startFy", "endFy"), lang: T.JaOnly),
                T.Term(p.Start, p.End), T.Term(p.FirstParticipation, p.LastParticipation),
                Cell.Num(p.Regions == 0 ? "" : T.Number(p.Regions)));
        }
        Map = Maps.Japan(await regions.MapPointsAsync(new RegionFilter(null, null, null, null, null), ct), T);
        return PageOrData(ProgrammeTable);
    }
}
