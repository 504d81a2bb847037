using ClusterAtlas.Japanese;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ClusterAtlas.Web.Features.Regions;

/// <summary>/regions: the region list with the API's filters (q, programme, fiscalYear, field, prefecture), map and downloads.</summary>
// Registry-wide (its map reads every region's latest project): cached per language and data version, as region pages are.
[OutputCache(PolicyName = RegistryCaching.Policy)]
public sealed class IndexModel(RegionQueries regions, RegionFacets facets, ProgrammeOverview programmes) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public string? FiscalYear { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? Prefecture { get; set; }
    public int PageNumber { get; private set; } = 1;

    public ListPaging Paging { get; private set; } = new(1, ListPaging.DefaultPageSize, 0, 0);

    public string? Error { get; private set; }
    public RegionFacetsDto Facets { get; private set; } = new([], [], []);
    public List<ProgrammeOverviewDto> Programmes { get; private set; } = [];
    public JapanMapData Map { get; private set; } = new([]);
    public DataTable Table { get; private set; } = new("regions", "");
    public bool Filtered => !string.IsNullOrWhiteSpace(Q + Programme + FiscalYear + Field + Prefecture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = ListPaging.PageOf(Request);
        Facets = await facets.GetAsync(ct);
        Programmes = [.. (await programmes.ListAsync(ct)).Where(p => p.Regions > 0)];
        int? fy = null;
        if (!string.IsNullOrWhiteSpace(FiscalYear))
        {
            var parsed = FiscalYearParser.Parse(FiscalYear);
            if (parsed.Success)
            {
                fy = parsed.StartYear;
            }
            else
            {
                Error = T.Format("search.error.year", FiscalYear);
            }
        }
        Table = new DataTable("regions", T["regions.table"], T["common.region"], T["common.prefectures"], T["common.fields"], T["regions.participations"]);
        if (Error is not null)
        {
            return PageWithStatus(400);
        }
        var filter = new RegionFilter(Q, Programme, fy, Field, Prefecture);
        var page = await regions.ListAsync(filter, ListPaging.Request(PageNumber), ct);
        Paging = ListPaging.Of(PageNumber, page);
        var list = page.Items;
        Table.Json = list;
        foreach (var r in list)
        {
            Table.Add(Cell.Of(T.Name(r.NameJa, r.NameEn), PortalLinks.Region(r.Code), r.Citations.For("")),
                Cell.List(r.Prefectures.Select(p => new CellPart(p, null, T.JaOnly)), r.Citations.For("prefectures")),
                Cell.List(r.Fields.Select(f => new CellPart(f, null, T.JaOnly)), r.Citations.For("fields")),
                Cell.List(r.Participations.Select(p => new CellPart($"{T.Name(p.ProgrammeNameJa, p.ProgrammeNameEn)} ({T.Term(p.Start, p.End)})",
                    PortalLinks.Programme(p.Programme))).Concat(r.ParticipationTotal > r.Participations.Count
                    ? [new CellPart(T.Format("common.shownOf", r.Participations.Count, r.ParticipationTotal), PortalLinks.Region(r.Code))] : [])));
        }
        Map = Maps.Japan(await regions.MapPointsAsync(filter, ct), T);
        return PageOrData(Table);
    }
}
