using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Data;

/// <summary>
/// Keeps what <paramref name="load"/> reads until <see cref="DataVersion"/> says the data changed, then loads it again
/// (once, shared by the callers that ask meanwhile, on a context of its own so that no request's cancellation aborts it).
/// For aggregates over the whole registry that many pages show: at national scale each is a pass over a million rows.
/// </summary>
public sealed class VersionedCache<T>(DatabaseOptions database, DataVersion version, Func<AtlasDbContext, CancellationToken, Task<T>> load)
{
    private readonly Lock gate = new();
    private (long Version, Task<T> Value)? current;

    public async Task<T> GetAsync(CancellationToken ct)
    {
        var stamp = await version.CurrentAsync(ct);
        Task<T> value;
        lock (gate)
        {
            if (current is not { } c || c.Version != stamp || c.Value.IsFaulted || c.Value.IsCanceled)
            {
                current = (stamp, LoadAsync());
            }
            value = current.Value.Value;
        }
        return await value.WaitAsync(ct);
    }

    private async Task<T> LoadAsync()
    {
        var builder = new DbContextOptionsBuilder<AtlasDbContext>();
        AtlasServices.Configure(builder, database);
        await using var db = new AtlasDbContext(builder.Options);
        return await load(db, CancellationToken.None);
    }
}
