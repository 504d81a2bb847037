using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Data;

/// <summary>Deletes every row of every registry table, children first (used by seeding with --replace and by import);
/// accounts and the audit log stay.</summary>
public static class DatabaseWipe
{
    public static async Task DeleteAllAsync(AtlasDbContext db, CancellationToken ct)
    {
        foreach (var entity in SystemTables.RegistryParentsFirst(db.Model).Reverse())
        {
            var table = entity.GetTableName()!;
            var sql = $"DELETE FROM {TableOrder.Quote(table)}";
#pragma warning disable EF1002 // Table names come from the EF model, not from input.
            await db.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1002
        }
    }
}
