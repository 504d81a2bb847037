using ClusterAtlas.People;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.People;

public sealed class IndexModel(PeopleQueries people) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public int PageNumber { get; private set; } = 1;

    public ListPaging Paging { get; private set; } = new(1, ListPaging.DefaultPageSize, 0, 0);

    public DataTable Table { get; private set; } = new("people", "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = ListPaging.PageOf(Request);
        var page = await people.ListAsync(Q, null, null, ListPaging.Request(PageNumber), ct);
        Paging = ListPaging.Of(PageNumber, page);
        var rows = page.Items;
        Table = new DataTable("people", T["people.table"], T["common.person"], T["person.roles"]) { Json = rows };
        foreach (var p in rows)
        {
            Table.Add(Cell.Of(T.Name(p.NameJa, p.NameEn), PortalLinks.Person(p.Code), p.Citations),
                Cell.List(p.Roles.Select(r => new CellPart(r.Title + (r.Region is null ? "" : " (" + r.Region + ")"), r.Region is null ? null : PortalLinks.Region(r.Region), T.JaOnly))));
        }
        return PageOrData(Table);
    }
}
