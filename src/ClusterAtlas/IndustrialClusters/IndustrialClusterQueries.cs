using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.IndustrialClusters;

public sealed record IndustrialClusterDto(
    int Id, string Code, string NameJa, string? NameEn, string Area, string FieldsText, string CompaniesText, int? CompaniesApprox,
    string UniversitiesText, int? Universities, int? AsOfYear, string? Note, IReadOnlyList<CitationDto> Citations);

public sealed class IndustrialClusterQueries(AtlasDbContext db)
{
    public async Task<Page<IndustrialClusterDto>> ListAsync(string? area, PageRequest page, CancellationToken ct)
    {
        var query = db.IndustrialClusterProjects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(area))
        {
            query = query.Where(c => c.Area == area);
        }
        return await query.ToPageAsync(page, async rows =>
        {
            var cites = await CitationLookup.ForAsync(db, SubjectTypes.IndustrialCluster, rows.Select(r => r.Id), ct);
            return rows.Select(c => new IndustrialClusterDto(c.Id, c.Code, c.NameJa, c.NameEn, c.Area, c.FieldsText, c.CompaniesText,
                c.CompaniesApprox, c.UniversitiesText, c.Universities, c.AsOfYear, c.Note, [.. cites[c.Id]])).ToList();
        }, ct);
    }
}
