using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using ClusterAtlas.Programmes;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Indicators;

public sealed record ObservationDto(
    int Id, string Indicator, string IndicatorNameJa, string IndicatorNameEn, string? Programme, string? Region, string Sector,
    FiscalYearDto? FiscalYearFrom, FiscalYearDto? FiscalYearTo, decimal? Value, string PublishedText, string Unit,
    bool Cumulative, bool Approximate, decimal? Target, string Status, string Basis, string? Note, IReadOnlyList<CitationDto> Citations);

public sealed record IndicatorDto(int Id, string Code, string NameJa, string NameEn, string Unit, int Observations);

public sealed record ObservationFilter(string? Indicator, string? Programme, string? Region, int? FiscalYear, string? Sector = null);

public sealed class ObservationQueries(AtlasDbContext db)
{
    public async Task<List<IndicatorDto>> DefinitionsAsync(CancellationToken ct) =>
        await db.Indicators.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new IndicatorDto(i.Id, i.Code, i.NameJa, i.NameEn, i.Unit, db.IndicatorObservations.Count(o => o.IndicatorId == i.Id)))
            .ToListAsync(ct);

    public async Task<Page<ObservationDto>> ListAsync(ObservationFilter filter, PageRequest? page, CancellationToken ct)
    {
        var query = db.IndicatorObservations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Indicator))
        {
            query = query.Where(o => o.Indicator!.Code == filter.Indicator);
        }
        if (!string.IsNullOrWhiteSpace(filter.Programme))
        {
            var ids = await ProgrammeTree.DescendantIdsAsync(db, filter.Programme, ct);
            query = query.Where(o => o.ProgrammeId != null && ids.Contains(o.ProgrammeId.Value));
        }
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            query = query.Where(o => o.Region!.Code == filter.Region);
        }
        if (filter.FiscalYear is { } fy)
        {
            query = query.Where(o => o.FiscalYearFrom <= fy && (o.FiscalYearTo ?? o.FiscalYearFrom) >= fy);
        }
        if (!string.IsNullOrWhiteSpace(filter.Sector))
        {
            query = query.Where(o => o.Sector == filter.Sector);
        }
        query = query.Include(o => o.Indicator).Include(o => o.Programme).Include(o => o.Region);
        return await query.ToPageAsync(page ?? new PageRequest(int.MaxValue - 1, 0, null), rows => MapAsync(rows, ct), ct);
    }

    /// <summary>
    /// The yearly values of series that have no region (national or programme-wide), ordered by scope, at most
    /// <paramref name="limit"/> rows: when the limit cuts a scope, that scope is dropped, so every series returned is
    /// complete and a chart is never drawn from part of one. Region series are charted on each region's page.
    /// </summary>
    public async Task<(List<ObservationDto> Rows, bool Complete)> ChartableAsync(string? programme, int limit, CancellationToken ct)
    {
        var query = db.IndicatorObservations.AsNoTracking()
            .Where(o => o.RegionId == null && o.FiscalYearFrom != null && (o.FiscalYearTo == null || o.FiscalYearTo == o.FiscalYearFrom));
        if (!string.IsNullOrWhiteSpace(programme))
        {
            var ids = await ProgrammeTree.DescendantIdsAsync(db, programme, ct);
            query = query.Where(o => o.ProgrammeId != null && ids.Contains(o.ProgrammeId.Value));
        }
        var rows = await query.OrderBy(o => o.IndicatorId).ThenBy(o => o.ProgrammeId).ThenBy(o => o.Id).Take(limit + 1)
            .Include(o => o.Indicator).Include(o => o.Programme).Include(o => o.Region).ToListAsync(ct);
        var complete = rows.Count <= limit;
        if (!complete)
        {
            var last = rows[^1];
            rows.RemoveAll(o => o.IndicatorId == last.IndicatorId && o.ProgrammeId == last.ProgrammeId);
        }
        // Back in id order: charts are grouped in order of first appearance, as when every value was read.
        return (await MapAsync([.. rows.OrderBy(o => o.Id)], ct), complete);
    }

    /// <summary>A region's first values (by id), without a count: the region's page counts all its lists in one query.</summary>
    public async Task<List<ObservationDto>> ForRegionAsync(int regionId, int limit, CancellationToken ct) =>
        await MapAsync(await db.IndicatorObservations.AsNoTracking().Where(o => o.RegionId == regionId).OrderBy(o => o.Id).Take(limit)
            .Include(o => o.Indicator).Include(o => o.Programme).Include(o => o.Region).ToListAsync(ct), ct);

    private async Task<List<ObservationDto>> MapAsync(List<IndicatorObservation> rows, CancellationToken ct)
    {
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Observation, rows.Select(r => r.Id), ct);
        return rows.Select(o => new ObservationDto(o.Id, o.Indicator!.Code, o.Indicator.NameJa, o.Indicator.NameEn, o.Programme?.Code,
            o.Region?.Code, o.Sector, FiscalYearDto.From(o.FiscalYearFrom), FiscalYearDto.From(o.FiscalYearTo), o.Value, o.PublishedText,
            o.Unit, o.Cumulative, o.Approximate, o.Target, o.Status.ToString().ToLowerInvariant(), o.Basis.ToString().ToLowerInvariant(),
            o.Note, [.. cites[o.Id]])).ToList();
    }
}
