using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Sources;

/// <summary>A citation as the API shows it: where to read the quoted text.</summary>
public sealed record CitationDto(string? Document, int? Line, int? LineEnd, string Quote, string? Field, string? Url, string Link);

/// <summary>Loads the citations of many records of one kind in one query (no N+1).</summary>
public static class CitationLookup
{
    public static async Task<ILookup<int, CitationDto>> ForAsync(AtlasDbContext db, string subjectType, IEnumerable<int> ids, CancellationToken ct)
    {
        var idList = ids.Distinct().ToList();
        if (idList.Count == 0)
        {
            return Array.Empty<CitationDto>().ToLookup(_ => 0);
        }
        var rows = await db.Citations.AsNoTracking()
            .Where(c => c.SubjectType == subjectType && idList.Contains(c.SubjectId))
            .OrderBy(c => c.Id)
            .ToListAsync(ct);
        return rows.ToLookup(c => c.SubjectId, ToDto);
    }

    public static CitationDto ToDto(Citation c) => new(
        c.SourceDocumentId, c.LineStart, c.LineEnd, c.Quote, c.Field, c.Url,
        c.SourceDocumentId is null ? c.Url ?? "" : $"/api/v1/sources/{c.SourceDocumentId}#L{c.LineStart}");
}
