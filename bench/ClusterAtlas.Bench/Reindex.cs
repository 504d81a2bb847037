using System.Diagnostics;
using ClusterAtlas.Data;
using ClusterAtlas.Search;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Bench;

/// <summary>Times <see cref="SearchIndexer.RebuildAsync"/> alone (it is the part of `atlas import` that lives in Search/).</summary>
public static class Reindex
{
    public static async Task<double> RunAsync(DatabaseOptions database, CancellationToken ct)
    {
        var builder = new DbContextOptionsBuilder<AtlasDbContext>();
        AtlasServices.Configure(builder, database);
        await using var db = new AtlasDbContext(builder.Options);
        var clock = Stopwatch.StartNew();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SearchIndexer.RebuildAsync(db, ct);
        await tx.CommitAsync(ct);
        return clock.Elapsed.TotalSeconds;
    }
}
