using System.Globalization;
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
    double? Latitude, double? Longitude, IReadOnlyList<ParticipationDto> Participations, IReadOnlyList<CitationDto> Citations,
    int ParticipationTotal);

/// <summary>A region as a map shows it; <see cref="Group"/> is null for a region without projects.</summary>
public sealed record RegionMapPointDto(string Code, string NameJa, string NameEn, double Latitude, double Longitude, RegionMapGroupDto? Group);

public sealed record RegionNameDto(string Code, string NameJa, string NameEn);

public sealed record RegionMapGroupDto(string Programme, string ProgrammeNameJa, string ProgrammeNameEn, string? GroupLabel);

/// <summary>
/// Region lists and filters (regions by programme, fiscal year, field, prefecture, text). With <paramref name="facts"/>
/// (the portal's and the API's), a text filter finds the regions of matched projects in memory.
/// </summary>
public sealed class RegionQueries(AtlasDbContext db, FacetFactsCache? facts = null)
{
    public async Task<Page<RegionSummaryDto>> ListAsync(RegionFilter filter, PageRequest page, CancellationToken ct) =>
        await (await FilteredAsync(filter, ct)).ToPageAsync(page, rows => SummariesAsync(rows.Select(r => r.Id).ToList(), ct), ct);

    /// <summary>
    /// Every located region that passes the filter, with the programme and group of its latest labelled project (else its
    /// latest project): what a map colours it by. Two queries whatever the number of projects: each region's two
    /// candidates come off indexes (the labelled ones have their own, IX_Participations_Labelled), then the chosen
    /// projects' programmes. Sorted with the labelled first in one subquery, each region's projects were read and sorted
    /// in full (5 s for 3,333 regions at 1M projects).
    /// </summary>
    public async Task<List<RegionMapPointDto>> MapPointsAsync(RegionFilter filter, CancellationToken ct)
    {
        var regions = await (await FilteredAsync(filter, ct)).Where(r => r.Latitude != null && r.Longitude != null).OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Code, r.NameJa, r.NameEn, Latitude = r.Latitude!.Value, Longitude = r.Longitude!.Value,
                Labelled = r.Participations.Where(p => p.GroupLabel != null).OrderByDescending(p => p.StartFiscalYear).ThenByDescending(p => p.ListNo)
                    .ThenByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefault(),
                Latest = r.Participations.OrderByDescending(p => p.StartFiscalYear).ThenByDescending(p => p.ListNo)
                    .ThenByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var chosen = regions.Select(r => r.Labelled ?? r.Latest).OfType<int>().ToList();
        var groups = chosen.Count == 0 ? [] : await db.Participations.AsNoTracking().Where(p => EF.Parameter(chosen).Contains(p.Id))
            .Select(p => new { p.Id, Group = new RegionMapGroupDto(p.Programme!.Code, p.Programme.NameJa, p.Programme.NameEn, p.GroupLabel) })
            .ToDictionaryAsync(p => p.Id, p => p.Group, ct);
        return [.. regions.Select(r => new RegionMapPointDto(r.Code, r.NameJa, r.NameEn, r.Latitude, r.Longitude,
            (r.Labelled ?? r.Latest) is { } id ? groups.GetValueOrDefault(id) : null))];
    }

    /// <summary>Every region's code and names in id order, for pickers (no projects, no citations).</summary>
    public async Task<List<RegionNameDto>> NamesAsync(CancellationToken ct) =>
        await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => new RegionNameDto(r.Code, r.NameJa, r.NameEn)).ToListAsync(ct);

    private async Task<IQueryable<Region>> FilteredAsync(RegionFilter filter, CancellationToken ct)
    {
        var query = db.Regions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            // A region matches by its own text or by one of its projects' (a region's search entry holds only its own).
            // Driven by the matches (the regions of the matched projects), not by each region's hundreds of projects.
            var search = new SearchQuery(db);
            var regionIds = search.RecordIds(filter.Q, SearchTypes.Region);
            if (await ProjectRegionsAsync(filter.Q, ct) is { } known)
            {
                // One JSON array parameter: expanded into a parameter per region, 3,332 of them took SQLite 50 ms to bind.
                query = query.Where(r => regionIds.Contains(r.Id) || EF.Parameter(known).Contains(r.Id));
            }
            else
            {
                var projectIds = search.RecordIds(filter.Q, SearchTypes.Project);
                var projectRegionIds = db.Participations.Where(p => projectIds.Contains(p.Id)).Select(p => p.RegionId);
                query = query.Where(r => regionIds.Contains(r.Id) || projectRegionIds.Contains(r.Id));
            }
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
        return query;
    }

    /// <summary>
    /// The regions of the projects matching <paramref name="q"/>, from the projects' regions kept in memory
    /// (<see cref="FacetFacts.Projects"/>): joined in SQL, every matched project cost a look-up in "Participations"
    /// (tens of thousands for a common term at 1M projects, 0.2 s). Null without the facts, or when a matched project
    /// is not among them (added since they were read): the caller then joins in SQL.
    /// </summary>
    private async Task<List<int>?> ProjectRegionsAsync(string q, CancellationToken ct)
    {
        if (facts is null)
        {
            return null;
        }
        var known = await facts.GetAsync(ct);
        var (sql, parameters) = new SearchQuery(db).MatchingIdsSql(q, [SearchTypes.Project]);
        var matched = new List<int>();
        var list = db.Database.IsNpgsql() ? "string_agg(m.\"Id\"::text, ',')" : "group_concat(m.\"Id\")";
        await SqlBatch.ReadAsync(db, [$"SELECT {list} FROM ({sql}) AS m"], parameters,
            (_, row) => matched = row.IsDBNull(0) ? [] : SqlBatch.ParseNumbers(row.GetString(0)), ct);
        var regions = new HashSet<int>();
        foreach (var entryId in matched)
        {
            if (!SearchEntryIds.TryDecode(entryId, out _, out var projectId) || !known.Projects.TryGet(projectId, out var project))
            {
                return null;
            }
            regions.Add(project.RegionId);
        }
        return [.. regions];
    }

    /// <summary>
    /// At most this many projects per region in a summary (the first by term, as the region page lists them); a region of
    /// a national registry has hundreds, and a list page of 500 regions would otherwise carry a hundred thousand.
    /// <see cref="RegionSummaryDto.ParticipationTotal"/> says how many there are.
    /// </summary>
    public const int SummaryParticipationLimit = RegionDetails.DefaultSectionLimit;

    /// <summary>Summaries for the given regions, in the given order, with a handful of queries whatever their size.</summary>
    public async Task<List<RegionSummaryDto>> SummariesAsync(List<int> ids, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().AsSplitQuery().Where(r => ids.Contains(r.Id))
            .Include(r => r.Prefectures).Include(r => r.Fields)
            .ToDictionaryAsync(r => r.Id, ct);
        // Each region's first projects, numbered among that region's own: as a limited Include, SQLite numbered every
        // participation of the registry (ROW_NUMBER over all of them, then the region filter): 3.5 s for a page of 20
        // regions at 1M projects. The ids are the regions' own integers, written as numbers.
        var first = ids.Count == 0 ? [] : await db.Participations.FromSqlRaw(string.Create(CultureInfo.InvariantCulture, $"""
                SELECT * FROM "Participations" WHERE "Id" IN (
                  SELECT n."Id" FROM (
                    SELECT p."Id", ROW_NUMBER() OVER (PARTITION BY p."RegionId" ORDER BY p."StartFiscalYear", p."ListNo", p."Id") AS "Row"
                    FROM "Participations" AS p WHERE p."RegionId" IN ({SqlBatch.Numbers(ids)})) AS n
                  WHERE n."Row" <= {SummaryParticipationLimit})
                """)).AsNoTracking().ToListAsync(ct);
        foreach (var group in first.GroupBy(p => p.RegionId))
        {
            if (regions.TryGetValue(group.Key, out var region))
            {
                region.Participations = [.. group];
            }
        }
        // Programmes apart: with a reference include under the limited collection, EF needs APPLY, which SQLite lacks.
        var programmeIds = regions.Values.SelectMany(r => r.Participations).Select(p => p.ProgrammeId).Distinct().ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var p in regions.Values.SelectMany(r => r.Participations))
        {
            p.Programme = programmes[p.ProgrammeId];
        }
        var totals = await db.Participations.AsNoTracking().Where(p => ids.Contains(p.RegionId)).GroupBy(p => p.RegionId)
            .Select(g => new { RegionId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.RegionId, g => g.Count, ct);
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
                [.. participations[id]], [.. regionCites[id]], totals.GetValueOrDefault(id));
        }).ToList();
    }

    public async Task<List<ParticipationDto>> ParticipationsAsync(List<Participation> rows, CancellationToken ct)
    {
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Participation, rows.Select(p => p.Id), ct);
        return rows.OrderBy(p => p.StartFiscalYear).ThenBy(p => p.ListNo).ThenBy(p => p.Id).Select(p => new ParticipationDto(
            p.Id, p.Programme!.Code, p.Programme.NameJa, p.Programme.NameEn, FiscalYearDto.From(p.StartFiscalYear)!,
            FiscalYearDto.From(p.EndFiscalYear), p.TermText, p.ClusterName, p.Theme, p.SourcePage, p.ListNo, p.GroupLabel,
            p.Basis.ToString().ToLowerInvariant(), p.Note, [.. cites[p.Id]])).ToList();
    }
}
