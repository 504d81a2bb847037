using System.Text.Json.Nodes;
using ClusterAtlas.Cli;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Cli;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the session through IAsyncLifetime.DisposeAsync.")]
public sealed class ExportImportRoundTripTests : IAsyncLifetime
{
    private readonly CliSession cli = new();

    public async Task InitializeAsync() => await cli.SeedAsync();

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task ExportImportExport_SameDatabase_TableFilesByteIdentical(string format)
    {
        var first = await cli.ExportAsync(format);
        var countsBefore = await cli.CountRowsAsync();

        var import = await cli.RunAsync("import", first);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        var second = await cli.ExportAsync(format);

        var files = DumpFolder.Files(first);
        // Every registry table but the derived search index; accounts and the audit log are never in a dump.
        static bool IsSystem(string table) => table.StartsWith("AspNet", StringComparison.Ordinal) || table is "AuditEntries" or "ApiTokens" or "ChangeRequests" or "EditorScopes";
        Assert.Equal(countsBefore.Keys.Count(t => !IsSystem(t)) - 1, files.Count);
        Assert.DoesNotContain(files, f => IsSystem(f.Table));
        Assert.All(files, f => Assert.EndsWith("." + format, f.File, StringComparison.Ordinal));
        Assert.Contains(files, f => f.Table == "Citations" && f.Rows > 300);
        foreach (var (table, file, rows, _) in files)
        {
            Assert.Equal(countsBefore[table], rows);
            var a = File.ReadAllBytes(Path.Combine(first, file));
            var b = File.ReadAllBytes(Path.Combine(second, file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between the two exports");
        }
        Assert.Equal(
            Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(second).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The manifests differ only in exportedAt.
        var m1 = DumpFolder.ReadManifest(first);
        var m2 = DumpFolder.ReadManifest(second);
        Assert.NotNull(m1["exportedAt"]);
        Assert.NotNull(m2["exportedAt"]);
        m1.Remove("exportedAt");
        m2.Remove("exportedAt");
        Assert.True(JsonNode.DeepEquals(m1, m2), $"manifests differ beyond exportedAt:\n{m1}\n{m2}");
        var countsAfter = await cli.CountRowsAsync();
        // The import is itself recorded: one audit entry, nothing else changes.
        Assert.Equal(countsBefore["AuditEntries"] + 1, countsAfter["AuditEntries"]);
        countsAfter.Remove("AuditEntries");
        countsBefore.Remove("AuditEntries");
        Assert.Equal(countsBefore, countsAfter);
    }

    [Fact]
    public async Task ExportJson_ImportIntoFreshDatabase_SameRowCountsAndValues()
    {
        var dump = await cli.ExportAsync("json");
        await using var target = new CliSession();

        var import = await target.RunAsync("import", dump);

        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        var expected = await cli.CountRowsAsync();
        var actual = await target.CountRowsAsync();
        Assert.Equal(1, actual["AuditEntries"]); // the import's own entry
        expected.Remove("AuditEntries");
        actual.Remove("AuditEntries");
        Assert.Equal(expected, actual);
        Assert.Contains($"Imported {expected.Where(c => c.Key != "SearchEntries").Sum(c => c.Value)} rows", import.Out, StringComparison.Ordinal);

        // stats agrees on both databases, including the dataset version carried over in DatasetLoads.
        var statsSource = await cli.RunAsync("stats");
        var statsTarget = await target.RunAsync("stats");
        var printedSource = DbCommandsTests.ParseStats(statsSource.Out);
        var printedTarget = DbCommandsTests.ParseStats(statsTarget.Out);
        Assert.Equal(1, printedTarget["AuditEntries"]);
        printedSource.Remove("AuditEntries");
        printedTarget.Remove("AuditEntries");
        Assert.Equal(printedSource, printedTarget);
        Assert.Equal(LastLine(statsSource.Out), LastLine(statsTarget.Out));

        await using var a = cli.NewContext();
        await using var b = target.NewContext();
        var regionsA = await a.Regions.OrderBy(r => r.Id).Select(r => new { r.Id, r.Code, r.NameJa, r.NameEn, r.Latitude }).ToListAsync();
        var regionsB = await b.Regions.OrderBy(r => r.Id).Select(r => new { r.Id, r.Code, r.NameJa, r.NameEn, r.Latitude }).ToListAsync();
        Assert.Equal(regionsA, regionsB);
        var budgetsA = await a.BudgetLines.OrderBy(x => x.Id).Select(x => new { x.Id, x.ProgrammeId, x.FiscalYear, x.AmountMillionYen, x.Status }).ToListAsync();
        var budgetsB = await b.BudgetLines.OrderBy(x => x.Id).Select(x => new { x.Id, x.ProgrammeId, x.FiscalYear, x.AmountMillionYen, x.Status }).ToListAsync();
        Assert.Equal(budgetsA, budgetsB);
    }

    [Fact]
    public async Task Import_DryRun_ReportsRowsAndWritesNothing()
    {
        var dump = await cli.ExportAsync("csv");
        await using var target = new CliSession();

        var result = await target.RunAsync("import", dump, "--dry-run");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var total = DumpFolder.Files(dump).Sum(f => f.Rows);
        Assert.Contains($"Dry run: {total} rows would be imported", result.Out, StringComparison.Ordinal);
        var counts = await target.CountRowsAsync();
        Assert.All(counts, c => Assert.Equal(0, c.Value));
    }

    [Fact]
    public async Task Import_SeededDump_SeedAfterwardsSaysNothingToDo()
    {
        var dump = await cli.ExportAsync("json");
        await using var target = new CliSession();
        Assert.Equal(ExitCodes.Ok, (await target.RunAsync("import", dump)).ExitCode);

        var seed = await target.RunAsync("db", "seed", "--data", RepositoryPaths.DataFolder);

        Assert.Equal(ExitCodes.Ok, seed.ExitCode);
        Assert.Contains("nothing to do", seed.Out, StringComparison.Ordinal);
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];
}
