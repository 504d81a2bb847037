using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using ClusterAtlas.Programmes;
using ClusterAtlas.Search;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Regions;

public sealed record RegionFilter(string? Q, string? Programme, int? FiscalYear, string? Field, string? Prefecture);

public sealed record ParticipationDto(
    int Id, string Programme, string ProgrammeNameJa, string ProgrammeNameEn, FiscalYearDto Start, FiscalYearDto? End,
    string TermText, string? ClusterName, string? Theme, string? SourcePage, int? ListNo, string? GroupLabel, string Basis,
    string? Note, IReadOnlyList<CitationDto> Citations);

public sealed record RegionSummaryDto(
    int Id, string Code, string NameJa, string NameEn, IReadOnlyList<string> Prefectures, IReadOnlyList<string> Fields,
    double? Latitude, double? Longitude, IReadOnlyList<ParticipationDto> Participations, IReadOnlyList<CitationDto> Citations);

/// <summary>Region lists and filters (regions by programme, fiscal year, field, prefecture, text).</summary>
public sealed class RegionQueries(AtlasDbContext db)
{
    public async Task<Page<RegionSummaryDto>> ListAsync(RegionFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Regions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var ids = new SearchQuery(db).Matching(filter.Q).Where(e => e.EntityType == SearchTypes.Region).Select(e => e.EntityId);
            query = query.Where(r => ids.Contains(r.Id));
        }
        if (filter.Programme is not null || filter.FiscalYear is not null)
        {
            var programmeIds = filter.Programme is null ? null : await ProgrammeTree.DescendantIdsAsync(db, filter.Programme, ct);
            var fy = filter.FiscalYear;
            query = query.Where(r => r.Participations.Any(p =>
                (programmeIds == null || programmeIds.Contains(p.ProgrammeId))
                && (fy == null || (p.StartFiscalYear <= fy && (p.EndFiscalYear == null || p.EndFiscalYear >= fy)))));
        }
        if (!string.IsNullOrWhiteSpace(filter.Field))
        {
            query = query.Where(r => r.Fields.Any(f => f.Field == filter.Field));
        }
        if (!string.IsNullOrWhiteSpace(filter.Prefecture))
        {
            query = query.Where(r => r.Prefectures.Any(p => p.Prefecture == filter.Prefecture));
        }
        return await query.ToPageAsync(page, rows => SummariesAsync(rows.Select(r => r.Id).ToList(), ct), ct);
    }

    /// <summary>Summaries for the given regions, in the given order, with three queries in all.</summary>
    public async Task<List<RegionSummaryDto>> SummariesAsync(List<int> ids, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().AsSplitQuery().Where(r => ids.Contains(r.Id))
            .Include(r => r.Prefectures).Include(r => r.Fields)
            .Include(r => r.Participations).ThenInclude(p => p.Programme)
            .ToDictionaryAsync(r => r.Id, ct);
        var regionCites = await CitationLookup.ForAsync(db, SubjectTypes.Region, ids, ct);
        var rows = regions.Values.SelectMany(r => r.Participations).ToList();
        var regionOf = rows.ToDictionary(p => p.Id, p => p.RegionId);
        // ParticipationsAsync returns them in term order; the lookup keeps that order within each region.
        var participations = (await ParticipationsAsync(rows, ct)).ToLookup(p => regionOf[p.Id]);
        return ids.Where(regions.ContainsKey).Select(id =>
        {
            var r = regions[id];
            return new RegionSummaryDto(r.Id, r.Code, r.NameJa, r.NameEn,
                [.. r.Prefectures.Select(p => p.Prefecture)], [.. r.Fields.Select(f => f.Field)], r.Latitude, r.Longitude,
                [.. participations[id]], [.. regionCites[id]]);
        }).ToList();
    }

    public async Task<List<ParticipationDto>> ParticipationsAsync(List<Participation> rows, CancellationToken ct)
    {
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Participation, rows.Select(p => p.Id), ct);
        return rows.OrderBy(p => p.StartFiscalYear).ThenBy(p => p.ListNo).Select(p => new ParticipationDto(
            p.Id, p.Programme!.Code, p.Programme.NameJa, p.Programme.NameEn, FiscalYearDto.From(p.StartFiscalYear)!,
            FiscalYearDto.From(p.EndFiscalYear), p.TermText, p.ClusterName, p.Theme, p.SourcePage, p.ListNo, p.GroupLabel,
            p.Basis.ToString().ToLowerInvariant(), p.Note, [.. cites[p.Id]])).ToList();
    }
}
