using ClusterAtlas.Japanese;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Regions;

/// <summary>/regions: the region list with the API's filters (q, programme, fiscalYear, field, prefecture), map and downloads.</summary>
public sealed class IndexModel(RegionQueries regions, RegionFacets facets, ProgrammeOverview programmes) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public string? FiscalYear { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? Prefecture { get; set; }

    public string? Error { get; private set; }
    public RegionFacetsDto Facets { get; private set; } = new([], [], []);
    public List<ProgrammeOverviewDto> Programmes { get; private set; } = [];
    public JapanMapData Map { get; private set; } = new([]);
    public DataTable Table { get; private set; } = new("regions", "");
    public bool Filtered => !string.IsNullOrWhiteSpace(Q + Programme + FiscalYear + Field + Prefecture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
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
        var list = await AllPages.ReadAsync(page => regions.ListAsync(new RegionFilter(Q, Programme, fy, Field, Prefecture), page, ct));
        Table.Json = list;
        foreach (var r in list)
        {
            Table.Add(Cell.Of(T.Name(r.NameJa, r.NameEn), PortalLinks.Region(r.Code), r.Citations.For("")),
                Cell.List(r.Prefectures.Select(p => new CellPart(p, null, T.JaOnly)), r.Citations.For("prefectures")),
                Cell.List(r.Fields.Select(f => new CellPart(f, null, T.JaOnly)), r.Citations.For("fields")),
                Cell.List(r.Participations.Select(p => new CellPart($"{T.Name(p.ProgrammeNameJa, p.ProgrammeNameEn)} ({T.Term(p.Start, p.End)})",
                    PortalLinks.Programme(p.Programme)))));
        }
        Map = Maps.Japan(list, T);
        return PageOrData(Table);
    }
}
