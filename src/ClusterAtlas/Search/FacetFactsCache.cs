using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>
/// Keeps the <see cref="FacetFacts"/> until <see cref="DataVersion"/> says the data changed, then loads them again (once,
/// shared by the searches that ask meanwhile, on a context of its own so that no request's cancellation aborts it).
/// </summary>
public sealed class FacetFactsCache(DatabaseOptions database, DataVersion version)
{
    private readonly Lock gate = new();
    private (long Version, Task<FacetFacts> Facts)? current;

    public async Task<FacetFacts> GetAsync(CancellationToken ct)
    {
        var stamp = await version.CurrentAsync(ct);
        Task<FacetFacts> facts;
        lock (gate)
        {
            if (current is not { } c || c.Version != stamp || c.Facts.IsFaulted || c.Facts.IsCanceled)
            {
                current = (stamp, LoadAsync());
            }
            facts = current.Value.Facts;
        }
        return await facts.WaitAsync(ct);
    }

    private async Task<FacetFacts> LoadAsync()
    {
        var builder = new DbContextOptionsBuilder<AtlasDbContext>();
        AtlasServices.Configure(builder, database);
        await using var db = new AtlasDbContext(builder.Options);
        return await FacetFacts.LoadAsync(db, CancellationToken.None);
    }
}
