using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>A hit; a project's leads to its region's page and names the region (<c>RegionName</c>, <c>RegionNameEn</c>).</summary>
public sealed record SearchHitDto(string Type, int Id, string Title, string? TitleEn, string ApiUrl, string? RegionName = null, string? RegionNameEn = null);

/// <summary>
/// A page of hits. <see cref="Total"/> and <see cref="Facets"/> count at most <see cref="SearchService.CountCap"/>
/// matches; when there are more, <see cref="Capped"/> is true and the numbers are lower bounds (the cursor still walks
/// every match).
/// </summary>
public sealed record SearchResultDto(string Query, IReadOnlyList<SearchHitDto> Items, int Total, int Limit, int Offset,
    string? NextCursor, IReadOnlyDictionary<string, int> Facets, bool Capped = false);

/// <summary>Search across every kind of record, with counts per kind (facets), counting at most <paramref name="countCap"/> matches.</summary>
public sealed class SearchService(AtlasDbContext db, int countCap = SearchService.CountCap)
{
    /// <summary>
    /// The most matches counted for the total and the facets, as many as the portal's search facets
    /// (<see cref="FacetedSearch.MaxMatches"/>). An exact count reads every match: for a common 2-character term at
    /// national scale (a hundred thousand hits) that is hundreds of milliseconds on PostgreSQL, which checks each match
    /// in its table row; counting up to the cap stops early (5,000 cost PostgreSQL 30–45 ms at 1M projects).
    /// </summary>
    public const int CountCap = FacetedSearch.MaxMatches;

    public async Task<SearchResultDto> SearchAsync(string q, IReadOnlyCollection<string>? types, PageRequest page, CancellationToken ct)
    {
        var search = new SearchQuery(db);
        // Counted by kind from the ids of any cap + 1 matches (an entry's id says its kind: SearchEntryIds), which the
        // index gives without reading an entry: at national scale 1 ms on SQLite where reading the entries' kinds took 2.5.
        var facets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in await FirstIdsAsync(search.MatchingIdsSql(q), ct))
        {
            if (SearchEntryIds.TryDecode(id, out var type, out _))
            {
                facets[type] = facets.GetValueOrDefault(type) + 1;
            }
        }
        var capped = facets.Values.Sum() > countCap;
        var selected = types is { Count: > 0 } ? types : null;
        var counted = selected is null ? facets.Values.Sum()
            : !capped ? selected.Sum(t => facets.GetValueOrDefault(t))
            : (await FirstIdsAsync(search.MatchingIdsSql(q, selected), ct)).Count;

        // The page and its projects' regions in one statement (a project's hit leads to its region's page).
        var (sql, parameters) = search.MatchingSql(q, selected);
        var after = page.AfterId is { } a ? string.Create(CultureInfo.InvariantCulture, $"WHERE s.\"Id\" > {a}") : "";
        var skip = page.AfterId is null && page.Offset > 0 ? string.Create(CultureInfo.InvariantCulture, $" OFFSET {page.Offset}") : "";
#pragma warning disable EF1002 // Fixed SQL fragments and numbers; every user value is a parameter.
        var rows = await db.Database.SqlQueryRaw<HitRow>(string.Create(CultureInfo.InvariantCulture, $"""
            SELECT m."Id", m."EntityType", m."EntityId", m."Title", m."TitleEn", p."RegionId", r."NameJa" AS "RegionNameJa", r."NameEn" AS "RegionNameEn"
            FROM (SELECT s."Id", s."EntityType", s."EntityId", s."Title", s."TitleEn" FROM ({sql}) AS s {after} ORDER BY s."Id" LIMIT {page.Limit + 1}{skip}) AS m
            LEFT JOIN "Participations" AS p ON m."EntityType" = '{SearchTypes.Project}' AND p."Id" = m."EntityId"
            LEFT JOIN "Regions" AS r ON r."Id" = p."RegionId"
            ORDER BY m."Id"
            """), [.. parameters]).ToListAsync(ct);
#pragma warning restore EF1002
        var more = rows.Count > page.Limit;
        var items = rows.Take(page.Limit).Select(e => e.RegionId is { } regionId
            ? new SearchHitDto(e.EntityType, e.EntityId, e.Title, e.TitleEn, ApiUrl(SearchTypes.Region, regionId), e.RegionNameJa, e.RegionNameEn)
            : new SearchHitDto(e.EntityType, e.EntityId, e.Title, e.TitleEn, ApiUrl(e.EntityType, e.EntityId))).ToList();
        var next = more ? PageRequest.EncodeCursor(rows[page.Limit - 1].Id) : null;
        return new SearchResultDto(q, items, Math.Min(counted, countCap), page.Limit, page.AfterId is null ? page.Offset : 0, next, facets, capped);
    }

    /// <summary>The ids of any <c>countCap + 1</c> of the matches of <paramref name="matchingIds"/>, in no particular order (ordering would read them all).</summary>
    private async Task<List<int>> FirstIdsAsync((string Sql, IReadOnlyList<object> Parameters) matchingIds, CancellationToken ct)
    {
        var (sql, parameters) = matchingIds;
#pragma warning disable EF1002 // Fixed SQL fragments and a number; every user value is a parameter.
        return await db.Database.SqlQueryRaw<int>(
            string.Create(CultureInfo.InvariantCulture, $"SELECT m.\"Id\" AS \"Value\" FROM ({sql}) AS m LIMIT {countCap + 1}"), [.. parameters]).ToListAsync(ct);
#pragma warning restore EF1002
    }

    private sealed class HitRow
    {
        public int Id { get; init; }
        public string EntityType { get; init; } = "";
        public int EntityId { get; init; }
        public string Title { get; init; } = "";
        public string? TitleEn { get; init; }
        public int? RegionId { get; init; }
        public string? RegionNameJa { get; init; }
        public string? RegionNameEn { get; init; }
    }

    public static string ApiUrl(string type, int id) => type switch
    {
        SearchTypes.Region => $"/api/v1/regions/{id}",
        SearchTypes.Programme => $"/api/v1/programmes/{id}",
        SearchTypes.Organisation => $"/api/v1/organisations/{id}",
        SearchTypes.Person => $"/api/v1/people/{id}",
        SearchTypes.Event => $"/api/v1/events/{id}",
        SearchTypes.IndustrialCluster => $"/api/v1/industrial-clusters?id={id}",
        SearchTypes.Link => $"/api/v1/links?id={id}",
        SearchTypes.Survey => "/api/v1/surveys",
        _ => "/api/v1/search",
    };
}
