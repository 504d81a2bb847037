using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Sources;

/// <summary>A citation as the API shows it: where to read the quoted text.</summary>
public sealed record CitationDto(string? Document, int? Line, int? LineEnd, string Quote, string? Field, string? Url, string Link);

/// <summary>Loads the citations of many records of one kind with one query per thousand records (no N+1).</summary>
public static class CitationLookup
{
    /// <summary>Ids per query: each id is a bound parameter, and engines cap those (SQLite at 32,766, PostgreSQL at 65,535).</summary>
    public const int Batch = 1000;

    public static async Task<ILookup<int, CitationDto>> ForAsync(AtlasDbContext db, string subjectType, IEnumerable<int> ids, CancellationToken ct)
    {
        var rows = new List<Citation>();
        foreach (var batch in ids.Distinct().Chunk(Batch))
        {
            rows.AddRange(await db.Citations.AsNoTracking()
                .Where(c => c.SubjectType == subjectType && batch.Contains(c.SubjectId))
                .ToListAsync(ct));
        }
        return rows.OrderBy(c => c.Id).ToLookup(c => c.SubjectId, ToDto);
    }

    public static CitationDto ToDto(Citation c) => new(
        c.SourceDocumentId, c.LineStart, c.LineEnd, c.Quote, c.Field, c.Url,
        c.SourceDocumentId is null ? c.Url ?? "" : $"/api/v1/sources/{c.SourceDocumentId}#L{c.LineStart}");
}
