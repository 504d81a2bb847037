using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterAtlas.Data;

/// <summary>Catalogue queries and DDL on the context's connection, inside its current transaction (if any).</summary>
internal static class RawSql
{
    /// <summary>Rows of two text columns (a name and its SQL, as the catalogues list them).</summary>
    public static async Task<List<(string Name, string Sql)>> PairsAsync(AtlasDbContext db, string sql, CancellationToken ct)
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

    /// <summary>
    /// Drops the objects a catalogue query lists as (name, the SQL that created them) with <c>DROP {kind} name</c>, and
    /// returns that SQL so <see cref="ExecuteAllAsync"/> can create them again exactly as they were.
    /// </summary>
    public static async Task<List<string>> DropAsync(AtlasDbContext db, string kind, string catalogueSql, CancellationToken ct)
    {
        var objects = await PairsAsync(db, catalogueSql, ct);
        foreach (var (name, _) in objects)
        {
            await ExecuteAsync(db, $"DROP {kind} {TableOrder.Quote(name)}", ct);
        }
        return [.. objects.Select(o => o.Sql)];
    }

    public static async Task ExecuteAllAsync(AtlasDbContext db, IEnumerable<string> statements, CancellationToken ct)
    {
        foreach (var sql in statements)
        {
            await ExecuteAsync(db, sql, ct);
        }
    }

    public static async Task ExecuteAsync(AtlasDbContext db, string sql, CancellationToken ct)
    {
        await using var command = Command(db, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<object?> ScalarAsync(AtlasDbContext db, string sql, CancellationToken ct)
    {
        await using var command = Command(db, sql);
        return await command.ExecuteScalarAsync(ct);
    }

    private static DbCommand Command(AtlasDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = 0;
#pragma warning disable CA2100 // Names come from the database catalogue and the EF model, not from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }
}
