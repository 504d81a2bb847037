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
        var selected = types is { Count: > 0 } ? types : null;
        var (ids, parameters) = search.MatchingIdsSql(q);
        var (rows, _) = search.MatchingSql(q, selected);
        var limit = (countCap + 1).ToString(CultureInfo.InvariantCulture);
        var after = page.AfterId is { } a ? string.Create(CultureInfo.InvariantCulture, $"WHERE s.\"Id\" > {a}") : "";
        var skip = page.AfterId is null && page.Offset > 0 ? string.Create(CultureInfo.InvariantCulture, $" OFFSET {page.Offset}") : "";
        List<string> statements =
        [
            // The kinds of any cap + 1 matches, counted from their ids (an entry's id says its kind: SearchEntryIds) by the
            // engine: no entry row read and one row per kind sent back.
            $"SELECT m.\"Id\" >> {SearchEntryIds.BandBits} AS \"Band\", count(*) AS \"Count\" FROM (SELECT i.\"Id\" FROM ({ids}) AS i LIMIT {limit}) AS m GROUP BY 1",
            // The page, with its projects' regions (a project's hit leads to its region's page).
            string.Create(CultureInfo.InvariantCulture, $"""
                SELECT m."Id", m."EntityType", m."EntityId", m."Title", m."TitleEn", p."RegionId", r."NameJa", r."NameEn"
                FROM (SELECT s."Id", s."EntityType", s."EntityId", s."Title", s."TitleEn" FROM ({rows}) AS s {after} ORDER BY s."Id" LIMIT {page.Limit + 1}{skip}) AS m
                LEFT JOIN "Participations" AS p ON m."EntityType" = '{SearchTypes.Project}' AND p."Id" = m."EntityId"
                LEFT JOIN "Regions" AS r ON r."Id" = p."RegionId"
                ORDER BY m."Id"
                """),
        ];
        if (selected is not null)
        {
            // The selected kinds' own capped count, for when the kinds above stop at the cap.
            statements.Add($"SELECT count(*) FROM (SELECT i.\"Id\" FROM ({search.MatchingIdsSql(q, selected).Sql}) AS i LIMIT {limit}) AS m");
        }
        var facets = new Dictionary<string, int>(StringComparer.Ordinal);
        var hits = new List<(int Id, SearchHitDto Hit)>();
        var selectedCount = 0;
        await SqlBatch.ReadAsync(db, statements, parameters, (statement, row) =>
        {
            switch (statement)
            {
                case 0 when Convert.ToInt64(row.GetValue(0), CultureInfo.InvariantCulture) is var band and >= 0 && band < SearchTypes.Ordered.Length:
                    facets[SearchTypes.Ordered[band]] = Convert.ToInt32(row.GetValue(1), CultureInfo.InvariantCulture);
                    break;
                case 1:
                    var (type, entityId) = (row.GetString(1), row.GetInt32(2));
                    var (title, titleEn) = (row.GetString(3), row.IsDBNull(4) ? null : row.GetString(4));
                    hits.Add((row.GetInt32(0), row.IsDBNull(5)
                        ? new SearchHitDto(type, entityId, title, titleEn, ApiUrl(type, entityId))
                        : new SearchHitDto(type, entityId, title, titleEn, ApiUrl(SearchTypes.Region, row.GetInt32(5)), row.GetString(6), row.GetString(7))));
                    break;
                case 2:
                    selectedCount = Convert.ToInt32(row.GetValue(0), CultureInfo.InvariantCulture);
                    break;
            }
        }, ct);
        var capped = facets.Values.Sum() > countCap;
        var counted = selected is null ? facets.Values.Sum() : selectedCount;
        var more = hits.Count > page.Limit;
        var next = more ? PageRequest.EncodeCursor(hits[page.Limit - 1].Id) : null;
        return new SearchResultDto(q, [.. hits.Take(page.Limit).Select(h => h.Hit)], Math.Min(counted, countCap), page.Limit,
            page.AfterId is null ? page.Offset : 0, next, facets, capped);
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
