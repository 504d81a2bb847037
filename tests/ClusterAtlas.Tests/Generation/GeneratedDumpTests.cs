using ClusterAtlas.Cli;
using ClusterAtlas.Generation;
using ClusterAtlas.Tests.Cli;
using Xunit;

namespace ClusterAtlas.Tests.Generation;

/// <summary>`atlas generate` at a tiny scale: reproducible bytes, the documented ratios, and a dump the real import accepts.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the session through IAsyncLifetime.DisposeAsync.")]
public sealed class GeneratedDumpTests : IAsyncLifetime
{
    private const int Projects = 1_500;

    private readonly CliSession cli = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await cli.DisposeAsync();

    private async Task<string> GenerateAsync(int projects, ulong seed)
    {
        var folder = cli.NewFolder();
        var result = await CliSession.RunRawAsync("generate", "--projects", projects.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        return folder;
    }

    private static Dictionary<string, string> HashesOfEveryFile(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), DumpFolder.Sha256, StringComparer.Ordinal);

    [Fact]
    public async Task Generate_SameSeedTwice_EveryFileHasTheSameSha256()
    {
        var first = HashesOfEveryFile(await GenerateAsync(Projects, 7));
        var second = HashesOfEveryFile(await GenerateAsync(Projects, 7));

        Assert.Equal(25, first.Count); // 24 tables + manifest.json
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Generate_OtherSeed_ChangesTheGeneratedTables()
    {
        var seven = HashesOfEveryFile(await GenerateAsync(Projects, 7));
        var eight = HashesOfEveryFile(await GenerateAsync(Projects, 8));

        foreach (var file in new[] { "Regions.csv", "Participations.csv", "Organisations.csv", "People.csv", "RoleAssignments.csv", "IndicatorObservations.csv", "Citations.csv" })
        {
            Assert.NotEqual(seven[file], eight[file]);
        }
        // Fixed vocabularies do not depend on the seed.
        Assert.Equal(seven["Ministries.csv"], eight["Ministries.csv"]);
    }

    [Fact]
    public async Task Generate_RowCountsFollowTheNationalRatios()
    {
        var rows = DumpFolder.Files(await GenerateAsync(Projects, 1)).ToDictionary(f => f.Table, f => f.Rows, StringComparer.Ordinal);

        Assert.Equal(Projects, rows["Participations"]);
        Assert.Equal(Projects / 5, rows["Organisations"]);
        Assert.Equal(Projects / 2, rows["People"]);
        Assert.Equal(2 * Projects, rows["RoleAssignments"]);
        Assert.Equal(10 * Projects, rows["IndicatorObservations"]);
        Assert.Equal(new GenerationScale(Projects).Regions, rows["Regions"]);
        // Every project, region and budget cell cites a line of a synthetic source document.
        Assert.Equal(Projects + rows["Regions"] + rows["BudgetLines"], rows["Citations"]);
        Assert.Equal(rows["Programmes"] + 1, rows["SourceDocuments"]);
    }

    [Fact]
    public async Task GeneratedDump_RealImportAcceptsIt_AndTheDatabaseHoldsEveryRow()
    {
        var folder = await GenerateAsync(Projects, 3);

        var import = await cli.RunAsync("import", folder);

        // The import checks every value, every foreign key and every key's uniqueness before writing anything.
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        var counts = await cli.CountRowsAsync();
        foreach (var (table, _, rows, _) in DumpFolder.Files(folder))
        {
            Assert.Equal(rows, counts[table]);
        }
        Assert.True(counts["SearchEntries"] > Projects / 2, "the import indexes regions, organisations and people for search");
    }
}
