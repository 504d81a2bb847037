using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClusterAtlas.Data;

/// <summary>
/// A number that changes whenever the registry's data may have changed — written by this process or by any other, such
/// as an `atlas import` next to a running portal — so caches of query results can tell when to start again. It reads a
/// cheap stamp from the engine at most once per <see cref="CheckInterval"/>: SQLite's <c>PRAGMA data_version</c> on a
/// connection of its own (the value moves when any other connection commits) or, on PostgreSQL, the number of rows of
/// "DataChanges" this reader can see: a trigger on every registry table adds one per writing transaction, in that
/// transaction, so the count moves exactly when a registry change commits (migration DataChangeLog; the server's next
/// transaction id, used before, moved with any transaction on the server and before the writer had committed).
/// </summary>
public sealed class DataVersion(DatabaseOptions database, TimeProvider clock, TimeSpan checkInterval) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? sqlite;
    private long stamp;
    private long checkedAt;
    private bool known;

    public TimeSpan CheckInterval => checkInterval;

    /// <summary>The current stamp; between checks, the last one read (a check in progress elsewhere is not waited for).</summary>
    public async ValueTask<long> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetTimestamp();
        if (Volatile.Read(ref known) && clock.GetElapsedTime(Interlocked.Read(ref checkedAt), now) < checkInterval)
        {
            return Interlocked.Read(ref stamp);
        }
        if (!await gate.WaitAsync(Volatile.Read(ref known) ? TimeSpan.Zero : Timeout.InfiniteTimeSpan, ct))
        {
            return Interlocked.Read(ref stamp);
        }
        try
        {
            Interlocked.Exchange(ref stamp, await ReadStampAsync(ct));
            Interlocked.Exchange(ref checkedAt, now);
            Volatile.Write(ref known, true);
            return Interlocked.Read(ref stamp);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<long> ReadStampAsync(CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(ct);
            return await ScalarAsync(connection, "SELECT count(*) FROM \"DataChanges\"", ct);
        }
        if (sqlite is null)
        {
            sqlite = new SqliteConnection(database.ConnectionString);
            await sqlite.OpenAsync(ct);
        }
        return await ScalarAsync(sqlite, "PRAGMA data_version", ct);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        sqlite?.Dispose();
        gate.Dispose();
    }
}
