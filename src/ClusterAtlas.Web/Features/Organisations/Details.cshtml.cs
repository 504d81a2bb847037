using ClusterAtlas.Organisations;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Organisations;

/// <summary>/organisations/{code}: the organisation, the international links naming it and the roles held at it.</summary>
public sealed class DetailsModel(OrganisationQueries organisations, OrganisationRelations relations) : PortalPageModel
{
    public OrganisationDto Organisation { get; private set; } = null!;
    public DataTable Links { get; private set; } = null!;
    public DataTable Roles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var organisation = await organisations.GetAsync(code, ct);
        if (organisation is null)
        {
            return NotFound();
        }
        Organisation = organisation;
        var related = await relations.ForAsync(organisation.Id, ct);
        Links = new DataTable("links", T["organisation.links"], T["common.region"], T["common.fiscalYear"], T["common.activity"]) { Json = related.Links };
        foreach (var l in related.Links)
        {
            Links.Add(Cell.Of(l.RegionNameJa, PortalLinks.Region(l.Region), lang: T.JaOnly), T.Fy(l.FiscalYear), Cell.Of(l.ActivityJa, cites: l.Citations, lang: T.JaOnly));
        }
        Roles = new DataTable("roles", T["organisation.roles"], T["common.person"], T["common.title"], T["common.region"], T["common.from"], T["common.to"])
            { Json = related.Roles };
        foreach (var r in related.Roles)
        {
            Roles.Add(Cell.Of(r.PersonNameJa, PortalLinks.Person(r.PersonCode), r.Citations, T.JaOnly), Cell.Of(r.Title, lang: T.JaOnly),
                r.Region is null ? Cell.Of(null) : Cell.Of(r.Region, PortalLinks.Region(r.Region)), T.Date(r.From), T.Date(r.To));
        }
        return PageOrData(Links, Roles);
    }
}
