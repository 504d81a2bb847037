using System.Globalization;
using ClusterAtlas.Cli;
using ClusterAtlas.Tests.Transfer;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Cli;

/// <summary>A generated dump of every table (tens of thousands of rows) goes through the streaming import and back out.</summary>
public sealed class SyntheticDumpImportTests
{
    private static readonly string[] IndexedTables =
        ["Regions", "Programmes", "Organisations", "People", "Events", "IndustrialClusterProjects", "InternationalLinks", "Surveys", "Participations"];

    [Fact]
    public async Task SyntheticDump_ImportsIntoAFreshDatabase_EveryRowAndTheSearchIndex()
    {
        await using var cli = new CliSession();
        var folder = cli.NewFolder();
        var rows = await SyntheticDump.WriteAsync(SyntheticDump.Model(), folder, scale: 0.05);

        var result = await cli.RunAsync("import", folder);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Imported {rows} rows"), result.Out, StringComparison.Ordinal);
        var counts = await cli.CountRowsAsync();
        foreach (var (table, file, expected, _) in DumpFolder.Files(folder))
        {
            Assert.True(counts[table] == expected, $"{file}: {counts[table]} rows in the database, {expected} in the dump");
        }
        // One search entry per region, programme, organisation, person, event, industrial cluster, link, survey and project.
        var indexed = IndexedTables.Sum(t => counts[t]);
        Assert.Equal(indexed, counts["SearchEntries"]);
        await using var db = cli.NewContext();
        Assert.True(await db.SearchEntries.AnyAsync(s => s.EntityType == "organisation" && s.Normalized.Contains("合成77番")));
        var id = await db.Programmes.Where(p => p.Code == "programmes-1").Select(p => p.Id).SingleAsync();
        Assert.Equal(1, id);

        // And the new rows continue after the imported ids (identity sequences reset).
        db.Regions.Add(new Regions.Region { Code = "after-import", NameJa = "後", NameEn = "After" });
        await db.SaveChangesAsync();
        Assert.True(await db.Regions.Where(r => r.Code == "after-import").Select(r => r.Id).SingleAsync() > counts["Regions"]);
    }
}
