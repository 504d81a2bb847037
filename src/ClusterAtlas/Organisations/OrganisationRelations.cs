using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.International;
using ClusterAtlas.People;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Organisations;

public sealed record OrganisationRelationsDto(IReadOnlyList<LinkDto> Links, IReadOnlyList<RoleDto> Roles);

/// <summary>What an organisation takes part in: international links naming it as partner and roles held at it.</summary>
public sealed class OrganisationRelations(AtlasDbContext db)
{
    public async Task<OrganisationRelationsDto> ForAsync(int organisationId, CancellationToken ct)
    {
        var links = await db.InternationalLinks.AsNoTracking().Include(l => l.Region).Include(l => l.PartnerOrganisation)
            .Where(l => l.PartnerOrganisationId == organisationId).OrderBy(l => l.Id).ToListAsync(ct);
        var linkCites = await CitationLookup.ForAsync(db, SubjectTypes.Link, links.Select(l => l.Id), ct);
        var roles = await db.RoleAssignments.AsNoTracking().Include(r => r.Person).Include(r => r.Region).Include(r => r.Organisation)
            .Where(r => r.OrganisationId == organisationId).OrderBy(r => r.FromDate).ThenBy(r => r.Id).ToListAsync(ct);
        var roleCites = await CitationLookup.ForAsync(db, SubjectTypes.RoleAssignment, roles.Select(r => r.Id), ct);
        return new OrganisationRelationsDto(
            [.. links.Select(l => new LinkDto(l.Id, l.Region!.Code, l.Region.NameJa, FiscalYearDto.From(l.FiscalYear), l.CountryCode, l.PartnerName,
                OrganisationQueries.Ref(l.PartnerOrganisation!), l.PartnerKind, l.ActivityJa, l.Note, [.. linkCites[l.Id]]))],
            [.. roles.Select(r => new RoleDto(r.Id, r.PersonId, r.Person!.Code, r.Person.NameJa, r.Title, r.Region?.Code,
                OrganisationQueries.Ref(r.Organisation!), r.FromDate, r.ToDate, r.Note, [.. roleCites[r.Id]]))]);
    }
}
