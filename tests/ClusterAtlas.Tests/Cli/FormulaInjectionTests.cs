using ClusterAtlas.Cli;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Cli;

/// <summary>CSV cells a spreadsheet would run as a formula are exported quoted with a leading ' and imported back exactly.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the session through IAsyncLifetime.DisposeAsync.")]
public sealed class FormulaInjectionTests : IAsyncLifetime
{
    private readonly CliSession cli = new();

    public async Task InitializeAsync() => await cli.SeedAsync();

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Theory]
    [InlineData("=HYPERLINK(1)")]
    [InlineData("+SUM(A1:A9)")]
    [InlineData("-2+3")]
    [InlineData("@cmd")]
    [InlineData("'=already quoted")]
    public async Task ExportCsv_ValueStartingWithFormulaCharacter_QuotedWithApostropheAndImportedBack(string value)
    {
        int regionId;
        await using (var db = cli.NewContext())
        {
            var region = await db.Regions.OrderBy(r => r.Id).FirstAsync();
            regionId = region.Id;
            region.NameEn = value;
            await db.SaveChangesAsync();
        }

        var dump = await cli.ExportAsync("csv");

        var lines = DumpFolder.ReadLines(dump, "Regions.csv");
        var header = DumpFolder.SplitRaw(lines[0]);
        var cells = DumpFolder.SplitRaw(lines[DumpFolder.LineStartingWith(lines, $"\"{regionId}\",")]);
        Assert.Equal("\"'" + value + "\"", cells[header.IndexOf("\"NameEn\"")]);
        Assert.DoesNotContain(lines, l => l.Contains(",\"" + value, StringComparison.Ordinal));

        // Import into a fresh database: the value comes back without the added apostrophe.
        await using var target = new CliSession();
        var import = await target.RunAsync("import", dump);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        await using (var db = target.NewContext())
        {
            Assert.Equal(value, await db.Regions.Where(r => r.Id == regionId).Select(r => r.NameEn).SingleAsync());
        }

        // And the round trip is stable: exporting the imported database gives the same file.
        var again = await target.ExportAsync("csv");
        Assert.Equal(File.ReadAllBytes(Path.Combine(dump, "Regions.csv")), File.ReadAllBytes(Path.Combine(again, "Regions.csv")));
    }

    [Fact]
    public async Task ExportCsv_NegativeNumber_QuotedWithApostropheAndImportedBack()
    {
        int id;
        await using (var db = cli.NewContext())
        {
            var line = await db.BudgetLines.OrderBy(b => b.Id).FirstAsync(b => b.AmountMillionYen != null);
            id = line.Id;
            line.AmountMillionYen = -1234.5m;
            await db.SaveChangesAsync();
        }

        var dump = await cli.ExportAsync("csv");

        var lines = DumpFolder.ReadLines(dump, "BudgetLines.csv");
        var header = DumpFolder.SplitRaw(lines[0]);
        var cell = DumpFolder.SplitRaw(lines[DumpFolder.LineStartingWith(lines, $"\"{id}\",")])[header.IndexOf("\"AmountMillionYen\"")];
        Assert.StartsWith("\"'-1234.5", cell, StringComparison.Ordinal);
        await using var target = new CliSession();
        Assert.Equal(ExitCodes.Ok, (await target.RunAsync("import", dump)).ExitCode);
        await using var check = target.NewContext();
        Assert.Equal(-1234.5m, await check.BudgetLines.Where(b => b.Id == id).Select(b => b.AmountMillionYen).SingleAsync());
    }

    [Fact]
    public async Task ExportJson_FormulaValue_KeptVerbatim()
    {
        await using (var db = cli.NewContext())
        {
            var region = await db.Regions.OrderBy(r => r.Id).FirstAsync();
            region.NameEn = "=HYPERLINK(1)";
            await db.SaveChangesAsync();
        }

        var dump = await cli.ExportAsync("json");

        Assert.Contains("\"NameEn\":\"=HYPERLINK(1)\"", File.ReadAllText(Path.Combine(dump, "Regions.json")), StringComparison.Ordinal);
    }
}
