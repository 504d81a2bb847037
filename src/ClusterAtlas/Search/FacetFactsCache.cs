using ClusterAtlas.Data;

namespace ClusterAtlas.Search;

/// <summary>The <see cref="FacetFacts"/>, loaded again when <see cref="DataVersion"/> says the data changed.</summary>
public sealed class FacetFactsCache(DatabaseOptions database, DataVersion version)
{
    private readonly VersionedCache<FacetFacts> cache = new(database, version, FacetFacts.LoadAsync);

    public Task<FacetFacts> GetAsync(CancellationToken ct) => cache.GetAsync(ct);
}
