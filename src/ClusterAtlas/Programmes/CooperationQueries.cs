using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Programmes;

public sealed record CooperationDto(
    int Id, string From, string FromNameJa, string To, string ToNameJa, string Kind, string DescriptionJa,
    FiscalYearDto? FiscalYearFrom, FiscalYearDto? FiscalYearTo, string? Note, IReadOnlyList<CitationDto> Citations);

/// <summary>Cross-ministry cooperation between measures (関係府省連携).</summary>
public sealed class CooperationQueries(AtlasDbContext db)
{
    public async Task<List<CooperationDto>> ListAsync(string? programme, CancellationToken ct)
    {
        var query = db.MeasureCooperations.AsNoTracking().Include(c => c.From).Include(c => c.To).AsQueryable();
        if (!string.IsNullOrWhiteSpace(programme))
        {
            query = query.Where(c => c.From!.Code == programme || c.To!.Code == programme);
        }
        var rows = await query.OrderBy(c => c.Id).ToListAsync(ct);
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Cooperation, rows.Select(r => r.Id), ct);
        return rows.Select(c => new CooperationDto(c.Id, c.From!.Code, c.From.NameJa, c.To!.Code, c.To.NameJa, c.Kind, c.DescriptionJa,
            FiscalYearDto.From(c.FiscalYearFrom), FiscalYearDto.From(c.FiscalYearTo), c.Note, [.. cites[c.Id]])).ToList();
    }
}
