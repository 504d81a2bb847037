using ClusterAtlas.Data;
using ClusterAtlas.Indicators;
using ClusterAtlas.International;
using ClusterAtlas.Organisations;
using ClusterAtlas.People;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Regions;

public sealed record AliasDto(string Name, string Basis, string? Note, IReadOnlyList<CitationDto> Citations);

public sealed record ProposerDto(string Name, string Kind);

public sealed record RegionDetailDto(
    int Id, string Code, string NameJa, string NameEn, string? Note, double? Latitude, double? Longitude,
    IReadOnlyList<string> Prefectures, IReadOnlyList<string> Fields, IReadOnlyList<ProposerDto> Proposers,
    IReadOnlyList<AliasDto> Aliases, IReadOnlyList<ParticipationDto> Participations, IReadOnlyList<RoleDto> Roles,
    IReadOnlyList<OrganisationRefDto> Organisations, IReadOnlyList<LinkDto> Links, IReadOnlyList<ObservationDto> Indicators,
    IReadOnlyList<CitationDto> Citations);

/// <summary>Everything the registry knows about one region, each fact with its citations.</summary>
public sealed class RegionDetails(AtlasDbContext db)
{
    public async Task<RegionDetailDto?> GetAsync(string idOrCode, CancellationToken ct)
    {
        var query = db.Regions.AsNoTracking().AsSplitQuery()
            .Include(r => r.Prefectures).Include(r => r.Fields).Include(r => r.Proposers).Include(r => r.Aliases)
            .Include(r => r.Participations).ThenInclude(p => p.Programme);
        var region = int.TryParse(idOrCode, out var id)
            ? await query.FirstOrDefaultAsync(r => r.Id == id, ct)
            : await query.FirstOrDefaultAsync(r => r.Code == idOrCode, ct);
        if (region is null)
        {
            return null;
        }
        var aliasCites = await CitationLookup.ForAsync(db, SubjectTypes.RegionAlias, region.Aliases.Select(a => a.Id), ct);
        var participations = await new RegionQueries(db).ParticipationsAsync(region.Participations, ct);
        var roles = await new RoleQueries(db).ForRegionAsync(region.Id, ct);
        var links = await new LinkQueries(db).ListAsync(new LinkFilter(region.Code, null, null), null, ct);
        var indicators = await new ObservationQueries(db).ListAsync(new ObservationFilter(null, null, region.Code, null), null, ct);
        var organisations = links.Items.Where(l => l.PartnerOrganisation is not null).Select(l => l.PartnerOrganisation!)
            .Concat(roles.Where(r => r.Organisation is not null).Select(r => r.Organisation!))
            .DistinctBy(o => o.Id).ToList();
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Region, [region.Id], ct);
        return new RegionDetailDto(region.Id, region.Code, region.NameJa, region.NameEn, region.Note, region.Latitude, region.Longitude,
            [.. region.Prefectures.Select(p => p.Prefecture)], [.. region.Fields.Select(f => f.Field)],
            [.. region.Proposers.Select(p => new ProposerDto(p.Name, p.Kind))],
            [.. region.Aliases.OrderBy(a => a.Id).Select(a => new AliasDto(a.Name, a.Basis.ToString().ToLowerInvariant(), a.Note, [.. aliasCites[a.Id]]))],
            participations, roles, organisations, links.Items, indicators.Items, [.. cites[region.Id]]);
    }
}
