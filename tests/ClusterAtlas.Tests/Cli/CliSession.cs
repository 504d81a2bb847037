using System.Globalization;
using ClusterAtlas.Cli;
using ClusterAtlas.Data;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Cli;

/// <summary>What one in-process run of the CLI returned and printed.</summary>
public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Err}");
}

/// <summary>
/// Runs the real `atlas` command line in-process against a private test database (SQLite file or, with
/// ATLAS_TEST_POSTGRES, a PostgreSQL database) and removes the database and any temporary folders afterwards.
/// </summary>
public sealed class CliSession : IAsyncDisposable
{
    private readonly List<string> folders = [];

    public TestDatabase Database { get; } = TestDatabase.Create();

    /// <summary>Runs `atlas --provider … --connection … args…`.</summary>
    public Task<CliResult> RunAsync(params string[] args) =>
        RunRawAsync(["--provider", Database.Options.Provider.ToString(), "--connection", Database.Options.ConnectionString, .. args]);

    /// <summary>Runs `atlas args…` exactly as given (no database options added).</summary>
    public static async Task<CliResult> RunRawAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await AtlasCli.RunAsync(args, output, error, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>`atlas db seed --data data/`, asserting success.</summary>
    public async Task SeedAsync()
    {
        var result = await RunAsync("db", "seed", "--data", RepositoryPaths.DataFolder);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
    }

    /// <summary>`atlas export --format F --out DIR` into a new temporary folder, asserting success; returns the folder.</summary>
    public async Task<string> ExportAsync(string format)
    {
        var folder = NewFolder();
        var result = await RunAsync("export", "--format", format, "--out", folder);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        return folder;
    }

    /// <summary>A new empty folder, deleted when the session ends.</summary>
    public string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"atlas-cli-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        folders.Add(folder);
        return folder;
    }

    /// <summary>A copy of <paramref name="source"/> (files only, one level) in a new temporary folder.</summary>
    public string CopyFolder(string source)
    {
        var target = NewFolder();
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return target;
    }

    public AtlasDbContext NewContext() => Database.NewContext();

    /// <summary>Row count of every mapped table, read with SQL (independent of the CLI's own counting).</summary>
    public async Task<SortedDictionary<string, int>> CountRowsAsync()
    {
        await using var db = NewContext();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            var sql = "SELECT COUNT(*) AS \"Value\" FROM " + TableOrder.Quote(table);
#pragma warning disable EF1002 // Table names come from the EF model.
            counts[table] = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
#pragma warning restore EF1002
        }
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
        await Database.DisposeAsync();
    }
}
