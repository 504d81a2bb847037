using System.Data.Common;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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

    public static async Task<Func<Task>> SuspendAsync(AtlasDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var indexes = await ReadAsync(db, $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = '{Table}' AND indexdef LIKE '%USING gin%'", ct);
            foreach (var (name, _) in indexes)
            {
                await ExecuteAsync(db, $"DROP INDEX {TableOrder.Quote(name)}", ct);
            }
            await ExecuteAsync(db, $"TRUNCATE {TableOrder.Quote(Table)}", ct);
            return async () =>
            {
                foreach (var (_, definition) in indexes)
                {
                    await ExecuteAsync(db, definition, ct);
                }
            };
        }
        var triggers = await ReadAsync(db, $"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{Table}'", ct);
        var fullText = await ReadAsync(db, $"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%' AND sql LIKE '%content=''{Table}''%'", ct);
        foreach (var (name, _) in triggers)
        {
            await ExecuteAsync(db, $"DROP TRIGGER {TableOrder.Quote(name)}", ct);
        }
        foreach (var (name, _) in fullText)
        {
            await ExecuteAsync(db, $"INSERT INTO {TableOrder.Quote(name)}({TableOrder.Quote(name)}) VALUES('delete-all')", ct);
        }
        await ExecuteAsync(db, $"DELETE FROM {TableOrder.Quote(Table)}", ct);
        return async () =>
        {
            foreach (var (name, _) in fullText)
            {
                await ExecuteAsync(db, $"INSERT INTO {TableOrder.Quote(name)}({TableOrder.Quote(name)}) VALUES('rebuild')", ct);
            }
            foreach (var (_, sql) in triggers)
            {
                await ExecuteAsync(db, sql, ct);
            }
        };
    }

    private static async Task<List<(string Name, string Sql)>> ReadAsync(AtlasDbContext db, string sql, CancellationToken ct)
    {
        await using var command = Command(db, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }

    private static async Task ExecuteAsync(AtlasDbContext db, string sql, CancellationToken ct)
    {
        await using var command = Command(db, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(AtlasDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
#pragma warning disable CA2100 // Names come from the database catalogue and the EF model, not from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }
}
