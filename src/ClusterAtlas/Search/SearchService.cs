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
        var matchingSql = search.MatchingSql(q);
        var (sql, parameters) = matchingSql;
        var matching = search.Matching(matchingSql);
        var (first, _) = SearchQuery.FirstMatchesSql(matchingSql, countCap + 1);
        var limit = (countCap + 1).ToString(CultureInfo.InvariantCulture);
#pragma warning disable EF1002 // Fixed SQL fragments and a number; every user value is a parameter.
        var facets = await db.Database.SqlQueryRaw<TypeCount>(
                $"SELECT \"EntityType\", count(*) AS \"Count\" FROM ({first}) AS c GROUP BY \"EntityType\"", [.. parameters])
            .ToDictionaryAsync(x => x.EntityType, x => (int)x.Count, ct);
        var filtered = matching;
        var counted = facets.Values.Sum();
        if (types is { Count: > 0 })
        {
            filtered = matching.Where(e => types.Contains(e.EntityType));
            var placeholders = string.Join(", ", types.Select((_, i) => "{" + (parameters.Count + i).ToString(CultureInfo.InvariantCulture) + "}"));
            counted = counted == 0 ? 0 : (int)await db.Database.SqlQueryRaw<long>(
                $"SELECT count(*) AS \"Value\" FROM (SELECT 1 FROM ({sql}) AS m WHERE \"EntityType\" IN ({placeholders}) LIMIT {limit}) AS c",
                [.. parameters, .. types]).SingleAsync(ct);
        }
#pragma warning restore EF1002
        var capped = facets.Values.Sum() > countCap;

        var ordered = filtered.OrderBy(e => e.Id).AsQueryable();
        if (page.AfterId is { } after)
        {
            ordered = ordered.Where(e => e.Id > after);
        }
        else if (page.Offset > 0)
        {
            ordered = ordered.Skip(page.Offset);
        }
        // Only what a hit shows, not the entry's text.
        var rows = await ordered.Take(page.Limit + 1)
            .Select(e => new { e.Id, e.EntityType, e.EntityId, e.Title, e.TitleEn }).ToListAsync(ct);
        var more = rows.Count > page.Limit;
        // A project is shown on its region's page: one look-up for the projects of this page.
        var projectIds = rows.Where(e => e.EntityType == SearchTypes.Project).Select(e => e.EntityId).ToList();
        var projectRegions = projectIds.Count == 0 ? [] : await db.Participations.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.RegionId, p.Region!.NameJa, p.Region.NameEn }).ToDictionaryAsync(p => p.Id, ct);
        var items = rows.Take(page.Limit).Select(e => e.EntityType == SearchTypes.Project && projectRegions.TryGetValue(e.EntityId, out var region)
            ? new SearchHitDto(e.EntityType, e.EntityId, e.Title, e.TitleEn, ApiUrl(SearchTypes.Region, region.RegionId), region.NameJa, region.NameEn)
            : new SearchHitDto(e.EntityType, e.EntityId, e.Title, e.TitleEn, ApiUrl(e.EntityType, e.EntityId))).ToList();
        var next = more ? PageRequest.EncodeCursor(rows[page.Limit - 1].Id) : null;
        return new SearchResultDto(q, items, Math.Min(counted, countCap), page.Limit, page.AfterId is null ? page.Offset : 0, next, facets, capped);
    }

    private sealed class TypeCount
    {
        public required string EntityType { get; init; }
        public long Count { get; init; }
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
