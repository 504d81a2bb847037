using ClusterAtlas.People;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.People;

/// <summary>/people/{code}: a person and the roles they held, dated.</summary>
public sealed class DetailsModel(PeopleQueries people) : PortalPageModel
{
    public PersonDto Person { get; private set; } = null!;
    public DataTable Roles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var person = await people.GetAsync(code, ct);
        if (person is null)
        {
            return NotFound();
        }
        Person = person;
        Roles = new DataTable("roles", T["person.roles.table"], T["common.title"], T["common.region"], T["common.organisation"], T["common.from"], T["common.to"])
            { Json = person.Roles };
        foreach (var r in person.Roles)
        {
            Roles.Add(Cell.Of(r.Title, cites: r.Citations, lang: T.JaOnly), r.Region is null ? Cell.Of(null) : Cell.Of(r.Region, PortalLinks.Region(r.Region)),
                r.Organisation is null ? Cell.Of(null) : Cell.Of(T.Name(r.Organisation.NameJa, r.Organisation.NameEn), PortalLinks.Organisation(r.Organisation.Code)),
                T.Date(r.From), T.Date(r.To));
        }
        return PageOrData(Roles);
    }
}
