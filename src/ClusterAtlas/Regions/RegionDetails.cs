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

/// <summary>How many rows each list of a region has in all; a region's details show at most a section limit of each.</summary>
public sealed record RegionTotalsDto(int Participations, int Roles, int Organisations, int Links, int Indicators);

public sealed record RegionDetailDto(
    int Id, string Code, string NameJa, string NameEn, string? Note, double? Latitude, double? Longitude,
    IReadOnlyList<string> Prefectures, IReadOnlyList<string> Fields, IReadOnlyList<ProposerDto> Proposers,
    IReadOnlyList<AliasDto> Aliases, IReadOnlyList<ParticipationDto> Participations, IReadOnlyList<RoleDto> Roles,
    IReadOnlyList<OrganisationRefDto> Organisations, IReadOnlyList<LinkDto> Links, IReadOnlyList<ObservationDto> Indicators,
    IReadOnlyList<CitationDto> Citations, RegionTotalsDto Totals);

/// <summary>
/// Everything the registry knows about one region, each fact with its citations. Each list (projects, roles,
/// organisations, links, indicator values) holds at most the section limit of rows — a region of a national dataset has
/// hundreds of projects and thousands of indicator values — and <see cref="RegionTotalsDto"/> says how many there are.
/// The number of queries does not depend on the region's size.
/// </summary>
public sealed class RegionDetails(AtlasDbContext db)
{
    public const int DefaultSectionLimit = 25;

    public Task<RegionDetailDto?> GetAsync(string idOrCode, CancellationToken ct) => GetAsync(idOrCode, DefaultSectionLimit, ct);

    /// <summary>The region by id or code with at most <paramref name="sectionLimit"/> rows per list (null: every row, for downloads).</summary>
    public async Task<RegionDetailDto?> GetAsync(string idOrCode, int? sectionLimit, CancellationToken ct)
    {
        // One query: a region has a handful of prefectures, fields, proposers and aliases, so their product is small.
        var query = db.Regions.AsNoTracking().AsSingleQuery()
            .Include(r => r.Prefectures).Include(r => r.Fields).Include(r => r.Proposers).Include(r => r.Aliases);
        var region = int.TryParse(idOrCode, out var id)
            ? await query.FirstOrDefaultAsync(r => r.Id == id, ct)
            : await query.FirstOrDefaultAsync(r => r.Code == idOrCode, ct);
        if (region is null)
        {
            return null;
        }
        var limit = sectionLimit ?? int.MaxValue - 1;
        // Every list's size in one command, whatever the region's size.
        var counts = await db.Regions.AsNoTracking().Where(r => r.Id == region.Id).Select(r => new
        {
            Projects = r.Participations.Count(),
            Roles = db.RoleAssignments.Count(x => x.RegionId == r.Id),
            Links = db.InternationalLinks.Count(x => x.RegionId == r.Id),
            Indicators = db.IndicatorObservations.Count(x => x.RegionId == r.Id),
        }).SingleAsync(ct);
        var aliasCites = await CitationLookup.ForAsync(db, SubjectTypes.RegionAlias, region.Aliases.Select(a => a.Id), ct);
        var participationRows = await db.Participations.AsNoTracking().Where(p => p.RegionId == region.Id).Include(p => p.Programme)
            .OrderBy(p => p.StartFiscalYear).ThenBy(p => p.ListNo).ThenBy(p => p.Id).Take(limit).ToListAsync(ct);
        var participations = await new RegionQueries(db).ParticipationsAsync(participationRows, ct);
        var roles = await new RoleQueries(db).ForRegionAsync(region.Id, limit, ct);
        var links = await new LinkQueries(db).ForRegionAsync(region.Id, limit, ct);
        var indicators = await new ObservationQueries(db).ForRegionAsync(region.Id, limit, ct);
        var (organisations, organisationCount) = await OrganisationsAsync(region.Id, limit, ct);
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Region, [region.Id], ct);
        var totals = new RegionTotalsDto(counts.Projects, counts.Roles, organisationCount, counts.Links, counts.Indicators);
        return new RegionDetailDto(region.Id, region.Code, region.NameJa, region.NameEn, region.Note, region.Latitude, region.Longitude,
            [.. region.Prefectures.OrderBy(p => p.Id).Select(p => p.Prefecture)], [.. region.Fields.OrderBy(f => f.Id).Select(f => f.Field)],
            [.. region.Proposers.OrderBy(p => p.Id).Select(p => new ProposerDto(p.Name, p.Kind))],
            [.. region.Aliases.OrderBy(a => a.Id).Select(a => new AliasDto(a.Name, a.Basis.ToString().ToLowerInvariant(), a.Note, [.. aliasCites[a.Id]]))],
            participations, roles, organisations, links, indicators, [.. cites[region.Id]], totals);
    }

    /// <summary>The organisations the region works with: its links' partners first, then those of its roles in date order.</summary>
    private async Task<(List<OrganisationRefDto> Shown, int Total)> OrganisationsAsync(int regionId, int limit, CancellationToken ct)
    {
        var fromLinks = await db.InternationalLinks.AsNoTracking().Where(l => l.RegionId == regionId && l.PartnerOrganisationId != null)
            .OrderBy(l => l.Id).Select(l => l.PartnerOrganisationId!.Value).ToListAsync(ct);
        var fromRoles = await db.RoleAssignments.AsNoTracking().Where(r => r.RegionId == regionId && r.OrganisationId != null)
            .OrderBy(r => r.FromDate).ThenBy(r => r.Id).Select(r => r.OrganisationId!.Value).ToListAsync(ct);
        var ids = fromLinks.Concat(fromRoles).Distinct().ToList();
        var shown = ids.Take(limit).ToList();
        var rows = await db.Organisations.AsNoTracking().Where(o => shown.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return ([.. shown.Where(rows.ContainsKey).Select(i => OrganisationQueries.Ref(rows[i]))], ids.Count);
    }
}
