using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Data;

/// <summary>Deletes every row of every table, children first (used by seeding with --replace and by import).</summary>
public static class DatabaseWipe
{
    public static async Task DeleteAllAsync(AtlasDbContext db, CancellationToken ct)
    {
        foreach (var entity in TableOrder.ChildrenFirst(db.Model))
        {
            var table = entity.GetTableName()!;
            var sql = $"DELETE FROM {TableOrder.Quote(table)}";
#pragma warning disable EF1002 // Table names come from the EF model, not from input.
            await db.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1002
        }
    }
}
