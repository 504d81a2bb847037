using ClusterAtlas.Data;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Ministries;

public sealed record MinistryDto(int Id, string Code, string NameJa, string NameEn, IReadOnlyList<string> Programmes, IReadOnlyList<CitationDto> Citations);

public sealed class MinistryQueries(AtlasDbContext db)
{
    public async Task<List<MinistryDto>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Ministries.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct);
        var programmes = (await db.Programmes.AsNoTracking().Where(p => p.MinistryId != null)
            .Select(p => new { MinistryId = p.MinistryId!.Value, p.Code }).ToListAsync(ct)).ToLookup(p => p.MinistryId, p => p.Code);
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Ministry, rows.Select(m => m.Id), ct);
        return rows.Select(m => new MinistryDto(m.Id, m.Code, m.NameJa, m.NameEn, [.. programmes[m.Id]], [.. cites[m.Id]])).ToList();
    }
}
