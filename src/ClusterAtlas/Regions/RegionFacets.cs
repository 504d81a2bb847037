using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Regions;

public sealed record RegionFacetsDto(IReadOnlyList<string> Fields, IReadOnlyList<string> Prefectures, IReadOnlyList<int> FiscalYears);

/// <summary>The values the region filters can take, for the filter form (distinct fields, prefectures and fiscal years).</summary>
public sealed class RegionFacets(AtlasDbContext db)
{
    public async Task<RegionFacetsDto> GetAsync(CancellationToken ct)
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
