using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

public sealed record SearchHitDto(string Type, int Id, string Title, string? TitleEn, string ApiUrl);

public sealed record SearchResultDto(string Query, IReadOnlyList<SearchHitDto> Items, int Total, int Limit, int Offset,
    string? NextCursor, IReadOnlyDictionary<string, int> Facets);

/// <summary>Search across every kind of record, with counts per kind (facets).</summary>
public sealed class SearchService(AtlasDbContext db)
{
    public async Task<SearchResultDto> SearchAsync(string q, IReadOnlyCollection<string>? types, PageRequest page, CancellationToken ct)
    {
        var matching = new SearchQuery(db).Matching(q);
        var facets = await matching.GroupBy(e => e.EntityType).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        if (types is { Count: > 0 })
        {
            matching = matching.Where(e => types.Contains(e.EntityType));
        }
        var result = await matching.ToPageAsync(page, rows => Task.FromResult(rows.Select(e =>
            new SearchHitDto(e.EntityType, e.EntityId, e.Title, e.TitleEn, ApiUrl(e.EntityType, e.EntityId))).ToList()), ct);
        return new SearchResultDto(q, result.Items, result.Total, result.Limit, result.Offset, result.NextCursor, facets);
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
