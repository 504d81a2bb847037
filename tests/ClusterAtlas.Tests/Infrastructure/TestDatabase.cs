using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>
/// A private database for one test class: a temporary SQLite file by default, or a new PostgreSQL database when
/// ATLAS_TEST_POSTGRES holds a server connection string (the PostgreSQL lane of ./test.sh). Same tests, both engines.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ATLAS_TEST_POSTGRES";

    private readonly string? sqliteFile;

    private TestDatabase(DatabaseOptions options, string? sqliteFile)
    {
        Options = options;
        this.sqliteFile = sqliteFile;
    }

    public DatabaseOptions Options { get; }

    public static bool IsPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static TestDatabase Create()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = $"atlas_test_{Guid.NewGuid():N}"[..30] };
            return new TestDatabase(new DatabaseOptions(DatabaseProvider.Postgres, builder.ConnectionString), null);
        }
        var file = Path.Combine(Path.GetTempPath(), $"atlas-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"), file);
    }

    public AtlasDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<AtlasDbContext>();
        AtlasServices.Configure(builder, Options);
        return new AtlasDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var target = new NpgsqlConnectionStringBuilder(Options.ConnectionString);
        var admin = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
