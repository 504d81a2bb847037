using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Data;

/// <summary>After rows are inserted with explicit ids (import), PostgreSQL identity sequences must move past them.</summary>
public static class IdentitySequences
{
    public static async Task ResetAsync(AtlasDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return; // SQLite's INTEGER PRIMARY KEY continues after the largest id by itself.
        }
        // Registry tables only: accounts and the audit log are never bulk-loaded (and some have composite keys).
        foreach (var table in SystemTables.RegistryParentsFirst(db.Model))
        {
            var key = table.FindPrimaryKey()?.Properties is [var single] ? single : null;
            if (key?.ClrType != typeof(int) || table.GetTableName() is not { } name)
            {
                continue;
            }
            var column = key.GetColumnName();
            var sql = $"SELECT setval(pg_get_serial_sequence('{TableOrder.Quote(name)}', '{column}'), COALESCE((SELECT MAX({TableOrder.Quote(column)}) FROM {TableOrder.Quote(name)}), 0) + 1, false)";
#pragma warning disable EF1002 // Table and column names come from the EF model, not from input.
            await db.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1002
        }
    }
}
