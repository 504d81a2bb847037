using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Sources;

public sealed record SourceLineDto(int Number, string Text);

public sealed record SourceSummaryDto(string Id, string TitleJa, string? TitleEn, string? Publisher, string? Url, int LineCount, string? Sha256, int Citations);

public sealed record SourceDto(
    string Id, string TitleJa, string? TitleEn, string? Publisher, string? Url, string? DescriptionEn, int LineCount, string? Sha256,
    string RawUrl, IReadOnlyList<SourceLineDto> Lines);

public sealed class SourceQueries(AtlasDbContext db)
{
    public async Task<List<SourceSummaryDto>> ListAsync(CancellationToken ct)
    {
        var counts = await db.Citations.GroupBy(c => c.SourceDocumentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var rows = await db.SourceDocuments.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.TitleJa, s.TitleEn, s.Publisher, s.Url, s.LineCount, s.Sha256 }).ToListAsync(ct);
        return rows.Select(s => new SourceSummaryDto(s.Id, s.TitleJa, s.TitleEn, s.Publisher, s.Url, s.LineCount, s.Sha256,
            counts.FirstOrDefault(c => c.Key == s.Id)?.Count ?? 0)).ToList();
    }

    /// <summary>The text with line numbers; <paramref name="from"/>/<paramref name="to"/> narrow it to a range.</summary>
    public async Task<SourceDto?> GetAsync(string id, int? from, int? to, CancellationToken ct)
    {
        var s = await db.SourceDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return null;
        }
        var lines = s.Lines().Select((text, i) => new SourceLineDto(i + 1, text.TrimEnd('\r')))
            .Where(l => (from is null || l.Number >= from) && (to is null || l.Number <= to)).ToList();
        return new SourceDto(s.Id, s.TitleJa, s.TitleEn, s.Publisher, s.Url, s.DescriptionEn, s.LineCount, s.Sha256,
            $"/sources/{s.Id}.txt", lines);
    }
}
