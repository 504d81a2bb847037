using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

public sealed record SearchHitDto(string Type, int Id, string Title, string? TitleEn, string ApiUrl);

/// <summary>
/// A page of hits. <see cref="Total"/> and <see cref="Facets"/> count at most <see cref="SearchService.CountCap"/>
/// matches; when there are more, <see cref="Capped"/> is true and the numbers are lower bounds (the cursor still walks
/// every match).
/// </summary>
public sealed record SearchResultDto(string Query, IReadOnlyList<SearchHitDto> Items, int Total, int Limit, int Offset,
    string? NextCursor, IReadOnlyDictionary<string, int> Facets, bool Capped = false);

/// <summary>Search across every kind of record, with counts per kind (facets).</summary>
public sealed class SearchService(AtlasDbContext db)
{
    /// <summary>
    /// The most matches counted for the total and the facets. An exact count reads every match: for a common
    /// 2-character term at national scale (tens of thousands of hits) that is hundreds of milliseconds on PostgreSQL,
    /// while counting up to the cap stops early.
    /// </summary>
    public const int CountCap = 10_000;

    public async Task<SearchResultDto> SearchAsync(string q, IReadOnlyCollection<string>? types, PageRequest page, CancellationToken ct)
    {
        var matching = new SearchQuery(db).Matching(q);
        var facets = await matching.Select(e => e.EntityType).Take(CountCap + 1).GroupBy(t => t)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var filtered = types is { Count: > 0 } ? matching.Where(e => types.Contains(e.EntityType)) : matching;
        var counted = types is { Count: > 0 }
            ? facets.Count == 0 ? 0 : await filtered.Take(CountCap + 1).CountAsync(ct)
            : facets.Values.Sum();
        var capped = facets.Values.Sum() > CountCap;

        var ordered = filtered.OrderBy(e => e.Id).AsQueryable();
        if (page.AfterId is { } after)
        {
            ordered = ordered.Where(e => e.Id > after);
        }
        else if (page.Offset > 0)
        {
            ordered = ordered.Skip(page.Offset);
        }
        // Only what a hit shows: a region's search text holds all its projects (tens of kilobytes at national scale).
        var rows = await ordered.Take(page.Limit + 1)
            .Select(e => new { e.Id, e.EntityType, e.EntityId, e.Title, e.TitleEn }).ToListAsync(ct);
        var more = rows.Count > page.Limit;
        var items = rows.Take(page.Limit).Select(e => new SearchHitDto(e.EntityType, e.EntityId, e.Title, e.TitleEn, ApiUrl(e.EntityType, e.EntityId))).ToList();
        var next = more ? PageRequest.EncodeCursor(rows[page.Limit - 1].Id) : null;
        return new SearchResultDto(q, items, Math.Min(counted, CountCap), page.Limit, page.AfterId is null ? page.Offset : 0, next, facets, capped);
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
