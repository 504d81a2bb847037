using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Indicators;

public sealed record HeadlineFigureDto(
    string Indicator, string NameJa, string NameEn, string? Programme, string? ProgrammeNameJa, string? ProgrammeNameEn,
    FiscalYearDto? FiscalYearFrom, FiscalYearDto? FiscalYearTo, decimal? Value, string PublishedText, string Unit, bool Approximate,
    IReadOnlyList<CitationDto> Citations);

/// <summary>The programme-wide totals shown on the home page, each with its citation (two queries).</summary>
public sealed class HeadlineFigures(AtlasDbContext db)
{
    public async Task<List<HeadlineFigureDto>> ListAsync(IReadOnlyList<string> indicatorCodes, CancellationToken ct)
    {
        var rows = await db.IndicatorObservations.AsNoTracking().Include(o => o.Indicator).Include(o => o.Programme)
            .Where(o => o.RegionId == null && o.Value != null && indicatorCodes.Contains(o.Indicator!.Code))
            .OrderBy(o => o.Id).ToListAsync(ct);
        // One figure per indicator: the widest span of years (a programme total beats a single year).
        var chosen = rows.GroupBy(o => o.IndicatorId)
            .Select(g => g.OrderByDescending(o => (o.FiscalYearTo ?? 0) - (o.FiscalYearFrom ?? 0)).ThenByDescending(o => o.FiscalYearTo).First())
            .OrderBy(o => indicatorCodes.ToList().IndexOf(o.Indicator!.Code)).ToList();
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Observation, chosen.Select(o => o.Id), ct);
        return chosen.Select(o => new HeadlineFigureDto(o.Indicator!.Code, o.Indicator.NameJa, o.Indicator.NameEn, o.Programme?.Code,
            o.Programme?.NameJa, o.Programme?.NameEn, FiscalYearDto.From(o.FiscalYearFrom), FiscalYearDto.From(o.FiscalYearTo), o.Value,
            o.PublishedText, o.Unit, o.Approximate, [.. cites[o.Id]])).ToList();
    }
}
