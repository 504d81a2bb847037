using ClusterAtlas.People;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.People;

public sealed class IndexModel(PeopleQueries people) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public DataTable Table { get; private set; } = new("people", "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await AllPages.ReadAsync(page => people.ListAsync(Q, null, null, page, ct));
        Table = new DataTable("people", T["people.table"], T["common.person"], T["person.roles"]) { Json = rows };
        foreach (var p in rows)
        {
            Table.Add(Cell.Of(T.Name(p.NameJa, p.NameEn), PortalLinks.Person(p.Code), p.Citations),
                Cell.List(p.Roles.Select(r => new CellPart(r.Title + (r.Region is null ? "" : " (" + r.Region + ")"), r.Region is null ? null : PortalLinks.Region(r.Region), T.JaOnly))));
        }
        return PageOrData(Table);
    }
}
