using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Regions;

public sealed record RegionFacetsDto(IReadOnlyList<string> Fields, IReadOnlyList<string> Prefectures, IReadOnlyList<int> FiscalYears);

/// <summary>The <see cref="RegionFacets"/>, read again when <see cref="DataVersion"/> says the data changed.</summary>
public sealed class RegionFacetsCache(DatabaseOptions database, DataVersion version)
{
    private readonly VersionedCache<RegionFacetsDto> cache = new(database, version, (db, ct) => new RegionFacets(db).ReadAsync(ct));

    public Task<RegionFacetsDto> GetAsync(CancellationToken ct) => cache.GetAsync(ct);
}

/// <summary>
/// The values the region filters can take, for the filter form (distinct fields, prefectures and fiscal years); with
/// <paramref name="cache"/> (the portal's) once per data version: the years come from every project's term.
/// </summary>
public sealed class RegionFacets(AtlasDbContext db, RegionFacetsCache? cache = null)
{
    public async Task<RegionFacetsDto> GetAsync(CancellationToken ct) => cache is null ? await ReadAsync(ct) : await cache.GetAsync(ct);

    internal async Task<RegionFacetsDto> ReadAsync(CancellationToken ct)
    {
        var fields = await db.RegionFields.Select(f => f.Field).Distinct().ToListAsync(ct);
        var prefectures = await db.RegionPrefectures.Select(p => p.Prefecture).Distinct().ToListAsync(ct);
        // Each distinct term once (a few hundred), not a row per project (a million at national scale).
        var terms = await db.Participations.Select(p => new { p.StartFiscalYear, p.EndFiscalYear }).Distinct().ToListAsync(ct);
        var years = terms.SelectMany(t => Enumerable.Range(t.StartFiscalYear, (t.EndFiscalYear ?? t.StartFiscalYear) - t.StartFiscalYear + 1))
            .Distinct().Order().ToList();
        return new RegionFacetsDto([.. fields.Order(StringComparer.Ordinal)], [.. prefectures.Order(StringComparer.Ordinal)], years);
    }
}
