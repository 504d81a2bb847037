using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterAtlas.Cli;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Cli;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the session through IAsyncLifetime.DisposeAsync.")]
public sealed class DbCommandsTests : IAsyncLifetime
{
    private readonly CliSession cli = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task MigrateThenSeed_EmptyDatabase_ExitZeroAndLoadsTheDataset()
    {
        var migrate = await cli.RunAsync("db", "migrate");
        Assert.True(migrate.ExitCode == ExitCodes.Ok, migrate.ToString());
        Assert.StartsWith("Applied ", migrate.Out, StringComparison.Ordinal);

        var again = await cli.RunAsync("db", "migrate");
        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Contains("up to date", again.Out, StringComparison.Ordinal);

        var seed = await cli.RunAsync("db", "seed", "--data", RepositoryPaths.DataFolder);
        Assert.True(seed.ExitCode == ExitCodes.Ok, seed.ToString());
        Assert.StartsWith("Loaded ", seed.Out, StringComparison.Ordinal);

        var counts = await cli.CountRowsAsync();
        Assert.Equal(CountObjects("regions"), counts["Regions"]);
        Assert.Equal(CountObjects("budgets"), counts["BudgetLines"]);
        Assert.Equal(CountObjects("participations"), counts["Participations"]);
        Assert.Equal(1, counts["DatasetLoads"]);
    }

    [Fact]
    public async Task Seed_SecondTime_ExitZeroSaysNothingChangedAndKeepsRows()
    {
        await cli.SeedAsync();
        var before = await cli.CountRowsAsync();
        int firstLoadId;
        await using (var db = cli.NewContext())
        {
            firstLoadId = await db.DatasetLoads.Select(d => d.Id).SingleAsync();
        }

        var second = await cli.RunAsync("db", "seed", "--data", RepositoryPaths.DataFolder);

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Contains("already holds this dataset version; nothing to do", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Loaded", second.Out, StringComparison.Ordinal);
        Assert.Equal(before, await cli.CountRowsAsync());
        await using (var db = cli.NewContext())
        {
            Assert.Equal(firstLoadId, await db.DatasetLoads.Select(d => d.Id).SingleAsync());
        }
    }

    [Fact]
    public async Task Seed_OtherDatasetVersionWithoutReplace_ExitThreeOnStderrAndKeepsData()
    {
        await cli.SeedAsync();
        var before = await cli.CountRowsAsync();
        var changed = CopyDataWithRenamedRegion("Sapporo (other version)");

        var result = await cli.RunAsync("db", "seed", "--data", changed);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains("--replace", result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.Equal(before, await cli.CountRowsAsync());
        await using var db = cli.NewContext();
        Assert.Equal("Sapporo and Central Hokkaido", await db.Regions.Where(r => r.Code == "sapporo-doo").Select(r => r.NameEn).SingleAsync());
    }

    [Fact]
    public async Task Seed_OtherDatasetVersionWithReplace_ReloadsIt()
    {
        await cli.SeedAsync();
        var before = await cli.CountRowsAsync();
        var changed = CopyDataWithRenamedRegion("Sapporo (other version)");

        var result = await cli.RunAsync("db", "seed", "--replace", "--data", changed);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.StartsWith("Loaded ", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, await cli.CountRowsAsync());
        await using var db = cli.NewContext();
        Assert.Equal("Sapporo (other version)", await db.Regions.Where(r => r.Code == "sapporo-doo").Select(r => r.NameEn).SingleAsync());
    }

    /// <summary>A copy of data/ in a session folder where region sapporo-doo has another nameEn (a new dataset version).</summary>
    private string CopyDataWithRenamedRegion(string nameEn)
    {
        var copy = Path.Combine(cli.NewFolder(), "data");
        foreach (var file in Directory.GetFiles(RepositoryPaths.DataFolder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(RepositoryPaths.DataFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        var regions = Path.Combine(copy, "regions", "002-continuing-regions.json");
        var text = File.ReadAllText(regions);
        Assert.Contains("\"Sapporo and Central Hokkaido\"", text, StringComparison.Ordinal);
        File.WriteAllText(regions, text.Replace("\"Sapporo and Central Hokkaido\"", "\"" + nameEn + "\"", StringComparison.Ordinal));
        return copy;
    }

    [Fact]
    public async Task Seed_MissingDataFolder_ExitsTwoAndWritesNoRows()
    {
        var missing = Path.Combine(cli.NewFolder(), "no-such-data");

        var result = await cli.RunAsync("db", "seed", "--data", missing);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no-such-data", result.Err, StringComparison.Ordinal);
        var counts = await cli.CountRowsAsync();
        Assert.Equal(0, counts["Regions"]);
        Assert.Equal(0, counts["DatasetLoads"]);
    }

    [Fact]
    public async Task Stats_SeededDatabase_PrintsRowCountOfEveryTable()
    {
        await cli.SeedAsync();

        var stats = await cli.RunAsync("stats");

        Assert.True(stats.ExitCode == ExitCodes.Ok, stats.ToString());
        var printed = ParseStats(stats.Out);
        var regionsInFiles = CountObjects("regions");
        Assert.True(regionsInFiles > 0);
        Assert.Equal(regionsInFiles, printed["Regions"]);
        // Every table is listed with the count the database really holds.
        Assert.Equal(await cli.CountRowsAsync(), printed);
        Assert.Matches(new Regex("^dataset: [0-9a-f]{12} loaded ", RegexOptions.Multiline), stats.Out);
    }

    [Fact]
    public async Task Stats_UnmigratedDatabase_SaysMigrationsArePending()
    {
        var stats = await cli.RunAsync("stats");

        Assert.Equal(ExitCodes.Ok, stats.ExitCode);
        Assert.Contains("migration(s) pending", stats.Out, StringComparison.Ordinal);
    }

    /// <summary>Number of objects in every data/&lt;kind&gt;/*.json array, read straight from the files.</summary>
    internal static int CountObjects(string kind) =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.DataFolder, kind), "*.json")
            .Sum(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetArrayLength());

    /// <summary>The "Table   count" lines of `atlas stats`.</summary>
    internal static SortedDictionary<string, int> ParseStats(string output)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(output, @"^(?<table>[A-Za-z]+)\s+(?<count>\d+)\s*$", RegexOptions.Multiline))
        {
            counts[m.Groups["table"].Value] = int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture);
        }
        return counts;
    }
}
