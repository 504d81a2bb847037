using System.Globalization;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Transfer;

/// <summary>
/// A full import fills emptied tables, so their secondary indexes (codes, foreign keys, the region page's covering
/// indexes) are cheaper built once, sorted, than kept up row by row: <see cref="SuspendAsync"/> drops them and the
/// returned step creates them again with the database's own definitions (read from its catalogue, so they are exactly
/// what the migrations made). Primary keys stay (references are checked against them); a unique index re-created over
/// duplicate values fails, so uniqueness is still enforced, at the end. Both steps run in the import's transaction:
/// a failure leaves every index as it was. SQLite also gets a larger page cache while the import runs.
/// </summary>
internal static class SecondaryIndexes
{
    /// <summary>SQLite's page cache during the import, in KiB (the default is 2 MB; index creation sorts in it).</summary>
    private const int SqliteCacheKiB = 256 * 1024;

    public static async Task<Func<Task>> SuspendAsync(AtlasDbContext db, IEnumerable<string> tables, CancellationToken ct)
    {
        var names = string.Join(", ", tables.Select(t => $"'{t.Replace("'", "''", StringComparison.Ordinal)}'"));
        if (names.Length == 0)
        {
            return () => Task.CompletedTask;
        }
        if (db.Database.IsNpgsql())
        {
            // Indexes that back a constraint (primary keys) cannot be dropped on their own, and stay.
            var indexes = await RawSql.DropAsync(db, "INDEX",
                $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ({names}) " +
                "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace)", ct);
            return () => RawSql.ExecuteAllAsync(db, indexes, ct);
        }
        var cache = Convert.ToInt64(await RawSql.ScalarAsync(db, "PRAGMA cache_size", ct), CultureInfo.InvariantCulture);
        await RawSql.ExecuteAsync(db, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{SqliteCacheKiB}"), ct);
        // sql IS NULL: indexes SQLite makes for PRIMARY KEY / UNIQUE constraints, which cannot be dropped.
        var sqliteIndexes = await RawSql.DropAsync(db, "INDEX",
            $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})", ct);
        return async () =>
        {
            await RawSql.ExecuteAllAsync(db, sqliteIndexes, ct);
            await RawSql.ExecuteAsync(db, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cache}"), ct);
        };
    }
}
