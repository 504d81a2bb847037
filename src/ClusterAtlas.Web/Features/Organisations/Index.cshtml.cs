using ClusterAtlas.Organisations;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Organisations;

/// <summary>/organisations with the API's filters (q, kind, country).</summary>
public sealed class IndexModel(OrganisationQueries organisations) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    public int PageNumber { get; private set; } = 1;

    public ListPaging Paging { get; private set; } = new(1, ListPaging.DefaultPageSize, 0, 0);

    public DataTable Table { get; private set; } = new("organisations", "");
    public List<string> Kinds { get; private set; } = [];
    public List<string> Countries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = ListPaging.PageOf(Request);
        (Kinds, Countries) = await organisations.FilterValuesAsync(ct);
        var page = await organisations.ListAsync(new OrganisationFilter(Q, Kind, Country), ListPaging.Request(PageNumber), ct);
        Paging = ListPaging.Of(PageNumber, page);
        var rows = page.Items;
        Table = new DataTable("organisations", T["organisations.table"], T["common.organisation"], T["common.kind"], T["common.country"], T["common.note"])
            { Json = rows };
        foreach (var o in rows)
        {
            Table.Add(Cell.Of(T.Name(o.NameJa, o.NameEn), PortalLinks.Organisation(o.Code), o.Citations), T.Label("org", o.Kind), T.Country(o.Country),
                Cell.Of(o.Note, lang: "en"));
        }
        return PageOrData(Table);
    }
}
