using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>
/// The full-text structures fed from SearchEntries (SQLite: FTS5 tables kept in step by triggers; PostgreSQL: GIN
/// indexes) cost far more row by row than built in one go: for 370,000 entries the triggers took 42 s and one FTS5
/// 'rebuild' 9 s. <see cref="SuspendAsync"/> takes them off and empties SearchEntries; the returned step puts them back
/// exactly as the migrations created them (their SQL is read from the database's own catalogue, not repeated here) and
/// builds them over the new rows. Both run inside the caller's transaction, so a failure leaves everything as it was.
/// </summary>
internal static class SearchTextIndexes
{
    private const string Table = "SearchEntries";

    /// <summary>
    /// Takes the indexes off and empties the table; PostgreSQL lays its partitions out for the records about to be
    /// indexed, whose highest id per kind <c>lastIds</c> gives (SQLite does not ask).
    /// </summary>
    public static async Task<Func<Task>> SuspendAsync(AtlasDbContext db, Func<Task<IReadOnlyDictionary<string, int>>> lastIds, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var indexes = await RawSql.DropAsync(db, "INDEX",
                $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = '{Table}' AND indexdef LIKE '%USING gin%'", ct);
            await RawSql.ExecuteAsync(db, $"TRUNCATE {TableOrder.Quote(Table)}", ct);
            await SearchPartitions.LayOutAsync(db, await lastIds(), ct);
            // A partitioned table's index is listed "ON ONLY" the parent; created that way it would cover no partition.
            return () => RawSql.ExecuteAllAsync(db, indexes.Select(sql => sql.Replace(" ON ONLY ", " ON ", StringComparison.Ordinal)), ct);
        }
        var triggers = await RawSql.DropAsync(db, "TRIGGER", $"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{Table}'", ct);
        var fullText = await RawSql.PairsAsync(db, $"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%' AND sql LIKE '%content=''{Table}''%'", ct);
        foreach (var (name, _) in fullText)
        {
            await RawSql.ExecuteAsync(db, $"INSERT INTO {TableOrder.Quote(name)}({TableOrder.Quote(name)}) VALUES('delete-all')", ct);
        }
        await RawSql.ExecuteAsync(db, $"DELETE FROM {TableOrder.Quote(Table)}", ct);
        return async () =>
        {
            foreach (var (name, _) in fullText)
            {
                await RawSql.ExecuteAsync(db, $"INSERT INTO {TableOrder.Quote(name)}({TableOrder.Quote(name)}) VALUES('rebuild')", ct);
            }
            await RawSql.ExecuteAllAsync(db, triggers, ct);
        };
    }
}
