using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using ClusterAtlas.Search;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Organisations;

public sealed record OrganisationRefDto(int Id, string Code, string NameJa, string? NameEn, string Kind, string Country);

public sealed record OrganisationDto(
    int Id, string Code, string NameJa, string? NameEn, string Kind, string Country, string? Note, IReadOnlyList<CitationDto> Citations);

public sealed record OrganisationFilter(string? Q, string? Kind, string? Country);

public sealed class OrganisationQueries(AtlasDbContext db)
{
    public async Task<Page<OrganisationDto>> ListAsync(OrganisationFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var ids = new SearchQuery(db).RecordIds(filter.Q, SearchTypes.Organisation);
            query = query.Where(o => ids.Contains(o.Id));
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(o => o.Kind == filter.Kind);
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.ToUpperInvariant();
            query = query.Where(o => o.CountryCode == country);
        }
        return await query.ToPageAsync(page, rows => MapAsync(rows, ct), ct);
    }

    /// <summary>The kinds and countries present, for the list's filters (two DISTINCT queries, not a read of every organisation).</summary>
    public async Task<(List<string> Kinds, List<string> Countries)> FilterValuesAsync(CancellationToken ct)
    {
        var kinds = await db.Organisations.AsNoTracking().Select(o => o.Kind).Distinct().ToListAsync(ct);
        var countries = await db.Organisations.AsNoTracking().Select(o => o.CountryCode).Distinct().ToListAsync(ct);
        return ([.. kinds.Order(StringComparer.Ordinal)], [.. countries.Order(StringComparer.Ordinal)]);
    }

    public async Task<OrganisationDto?> GetAsync(string idOrCode, CancellationToken ct)
    {
        var org = int.TryParse(idOrCode, out var id)
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
            : await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == idOrCode, ct);
        return org is null ? null : (await MapAsync([org], ct))[0];
    }

    private async Task<List<OrganisationDto>> MapAsync(List<Organisation> rows, CancellationToken ct)
    {
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Organisation, rows.Select(r => r.Id), ct);
        return rows.Select(o => new OrganisationDto(o.Id, o.Code, o.NameJa, o.NameEn, o.Kind, o.CountryCode, o.Note, [.. cites[o.Id]])).ToList();
    }

    public static OrganisationRefDto Ref(Organisation o) => new(o.Id, o.Code, o.NameJa, o.NameEn, o.Kind, o.CountryCode);
}
