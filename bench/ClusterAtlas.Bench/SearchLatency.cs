using System.Diagnostics;
using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using ClusterAtlas.Search;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Bench;

public sealed record QueryClass(string Name, IReadOnlyList<string> Queries);

public sealed record ClassTiming(string Class, IReadOnlyList<string> Queries, Percentiles Api, Percentiles Portal, Percentiles Bare, int Hits);

/// <summary>
/// Search latency measured in-process, one fresh DbContext per query as a web request gets: the API's search
/// (<see cref="SearchService"/>: type facets, total, first page), the portal's faceted search (<see cref="FacetedSearch"/>:
/// programme, year, field, prefecture and ministry facets) and the bare index query (<see cref="BareSearch"/>), each
/// query in turn so that caches warm the same way for all three. Before anything is measured, every query goes through all
/// three <paramref name="rounds"/> times: .NET runs a method's first calls as quickly compiled code, then as code that
/// records its behaviour (dynamic PGO), and only then optimised, in the background. With 3 warm-up runs per query the
/// first class was timed largely on unoptimised code (at 1M projects, portal p50 16.7 ms where a running server answers in
/// 5–6 ms); with 40 rounds the portal's 2-char p95 at 10k projects was still 4.5–8.1 ms against 1.8 ms after 200 rounds
/// (1.1 ms after 400, on a machine whose speed varied by a third between runs; 2.1 ms after 40 rounds with dynamic PGO
/// off), which a portal serving requests for more than a minute never runs.
/// </summary>
public sealed class SearchLatency(DatabaseOptions database, int warmup, int runs, int rounds) : IDisposable
{
    private readonly DataVersion version = new(database, TimeProvider.System, TimeSpan.FromSeconds(1));
    private FacetFactsCache? facts;

    public void Dispose() => version.Dispose();

    public const int PageSize = 20;

    /// <summary>The bare query counts as many matches as the app's search does.</summary>
    public const int CountCap = SearchService.CountCap;

    public static IReadOnlyList<QueryClass> DefaultClasses { get; } =
    [
        new("ja2", ["創薬", "医療", "大学"]),
        new("ja4", ["ナノテク", "有機エレクトロニクス", "再生医療", "燃料電池"]),
        new("ascii", ["mems", "sendai", "iot"]),
    ];

    private AtlasDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<AtlasDbContext>();
        AtlasServices.Configure(builder, database);
        return new AtlasDbContext(builder.Options);
    }

    public async Task<List<ClassTiming>> RunAsync(IReadOnlyList<QueryClass> classes, CancellationToken ct)
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in classes.SelectMany(c => c.Queries))
            {
                await ApiAsync(q, ct);
                await PortalAsync(q, ct);
                await BareAsync(q, ct);
            }
        }
        // The optimising compiler works in the background: give it time to finish what the rounds queued.
        await Task.Delay(TimeSpan.FromSeconds(rounds > 0 ? 1 : 0), ct);
        var result = new List<ClassTiming>();
        foreach (var c in classes)
        {
            List<double> api = [], portal = [], bare = [];
            var hits = 0;
            foreach (var q in c.Queries)
            {
                for (var i = 0; i < warmup + runs; i++)
                {
                    var (a, total) = await TimeAsync(async () => (await ApiAsync(q, ct)).Total);
                    var (p, _) = await TimeAsync(async () => (await PortalAsync(q, ct)).Total);
                    var (b, _) = await TimeAsync(() => BareAsync(q, ct));
                    if (i >= warmup)
                    {
                        api.Add(a);
                        portal.Add(p);
                        bare.Add(b);
                    }
                    hits = Math.Max(hits, total);
                }
            }
            result.Add(new ClassTiming(c.Name, c.Queries, Percentiles.Of(api), Percentiles.Of(portal), Percentiles.Of(bare), hits));
        }
        return result;
    }

    private static async Task<(double Ms, T Value)> TimeAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var value = await action();
        return (clock.Elapsed.TotalMilliseconds, value);
    }

    private async Task<SearchResultDto> ApiAsync(string q, CancellationToken ct)
    {
        await using var db = NewContext();
        return await new SearchService(db).SearchAsync(q, null, new PageRequest(PageSize, 0, null), ct);
    }

    private async Task<FacetedSearchResultDto> PortalAsync(string q, CancellationToken ct)
    {
        await using var db = NewContext();
        facts ??= new FacetFactsCache(database, version);
        return await new FacetedSearch(db, facts).SearchAsync(q, SearchFilters.None, 0, PageSize, ct);
    }

    private async Task<int> BareAsync(string q, CancellationToken ct)
    {
        await using var db = NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        return await BareSearch.RunAsync(connection, database.Provider == DatabaseProvider.Postgres, q, CountCap, PageSize, ct);
    }
}
