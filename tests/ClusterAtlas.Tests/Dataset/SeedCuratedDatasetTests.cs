using System.Text.Json.Nodes;
using ClusterAtlas.Data;
using ClusterAtlas.Regions;
using ClusterAtlas.Seeding;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Dataset;

/// <summary>SeedCuratedDataset on a private database (SQLite, or PostgreSQL with ATLAS_TEST_POSTGRES).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the database through IAsyncLifetime.DisposeAsync.")]
public sealed class SeedCuratedDatasetTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create();
    private readonly List<string> folders = [];

    public async Task InitializeAsync()
    {
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
        await database.DisposeAsync();
    }

    private async Task<SeedResult> SeedAsync(string folder, bool replace = false)
    {
        await using var db = database.NewContext();
        return await new SeedCuratedDataset(db, TimeProvider.System).RunAsync(folder, replace, CancellationToken.None);
    }

    [Fact]
    public async Task Run_EmptyDatabase_LoadsEveryRegionParticipationAndCitation()
    {
        var result = await SeedAsync(RepositoryPaths.DataFolder);

        Assert.True(result.Loaded, result.Message);
        Assert.Matches("^[0-9a-f]{64}$", result.DatasetHash);
        var counts = await CountAsync();
        Assert.Equal(DataFiles.Read("regions").Count, counts["Regions"]);
        Assert.Equal(DataFiles.Read("participations").Count, counts["Participations"]);
        Assert.Equal(DataFiles.Read("budgets").Count, counts["BudgetLines"]);
        Assert.Equal(DataFiles.Read("industrial-clusters").Count, counts["IndustrialClusterProjects"]);
        Assert.Equal(Directory.GetFiles(Path.Combine(DataFiles.Root, "sources"), "*.txt").Length, counts["SourceDocuments"]);
        // One Citation row for every cite object in the files, nested ones included.
        Assert.Equal(CitationTests.CountAllCites(), counts["Citations"]);
        Assert.Equal(1, counts["DatasetLoads"]);
        Assert.True(counts["SearchEntries"] > counts["Regions"]);
    }

    [Fact]
    public async Task Aliases_EveryAliasInTheFiles_ResolvesToExactlyItsRegion()
    {
        await SeedAsync(RepositoryPaths.DataFolder);
        var expected = new List<(string Name, string Region, string Where)>();
        foreach (var r in DataFiles.Read("regions"))
        {
            var code = r.Text("code")!;
            expected.Add((r.Text("nameJa")!, code, r.Where));
            expected.AddRange(r.Value.GetProperty("aliases").EnumerateArray().Select(a => (a.GetProperty("name").GetString()!, code, r.Where + ".aliases")));
        }
        expected.AddRange(DataFiles.Read("region-aliases").Select(a => (a.Text("name")!, a.Text("region")!, a.Where)));
        Assert.True(expected.Count > DataFiles.Read("regions").Count);

        await using var db = database.NewContext();
        var regionIds = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id);
        var aliases = await db.RegionAliases.Select(a => new { a.NormalizedName, a.RegionId }).ToListAsync();
        foreach (var (name, region, where) in expected)
        {
            var key = RegionNames.Key(name);
            var resolved = aliases.Where(a => a.NormalizedName == key).Select(a => a.RegionId).Distinct().ToList();
            Assert.True(resolved.Count == 1 && resolved[0] == regionIds[region],
                $"{where}: '{name}' resolves to [{string.Join(", ", resolved)}], expected region {region} ({regionIds[region]})");
        }
        // No normalised name is shared by two regions.
        Assert.All(aliases.GroupBy(a => a.NormalizedName), g => Assert.Single(g.Select(a => a.RegionId).Distinct()));
    }

    [Theory]
    [InlineData("長野県全域", "長野県全域地域")]
    [InlineData("京都 およびけいはんな学研地域", "京都およびけいはんな地域")]
    [InlineData("京都およびけいはんな学研地域", "京都 およびけいはんな学研地域")]
    public async Task Aliases_SpellingsOfOneRegion_GiveTheSameRegionId(string first, string second)
    {
        await SeedAsync(RepositoryPaths.DataFolder);
        await using var db = database.NewContext();

        var a = await ResolveAsync(db, first);
        var b = await ResolveAsync(db, second);

        Assert.Equal(a, b);
        // And it is the region that lists both spellings in the files.
        var region = Assert.Single(DataFiles.Read("regions"), r =>
        {
            var names = r.Value.GetProperty("aliases").EnumerateArray().Select(x => RegionNames.Key(x.GetProperty("name").GetString()!)).ToList();
            return names.Contains(RegionNames.Key(first)) && names.Contains(RegionNames.Key(second));
        });
        Assert.Equal(await db.Regions.Where(r => r.Code == region.Text("code")).Select(r => r.Id).SingleAsync(), a);
    }

    [Fact]
    public async Task Run_Twice_SecondRunChangesNothing()
    {
        var first = await SeedAsync(RepositoryPaths.DataFolder);
        var before = await CountAsync();

        var second = await SeedAsync(RepositoryPaths.DataFolder);

        Assert.True(first.Loaded);
        Assert.False(second.Loaded);
        Assert.Equal(first.DatasetHash, second.DatasetHash);
        Assert.Contains("nothing to do", second.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Run_BrokenQuote_ThrowsDatasetExceptionNamingTheFileAndWritesNothing()
    {
        var (folder, file, quote) = CopyWithBrokenQuote();

        var error = await Assert.ThrowsAsync<DatasetException>(() => SeedAsync(folder));

        var only = Assert.Single(error.Errors);
        Assert.StartsWith(file + "[0]", only, StringComparison.Ordinal);
        Assert.Contains(quote, only, StringComparison.Ordinal);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.All(await CountAsync(), c => Assert.True(c.Value == 0, $"{c.Key} has {c.Value} rows"));
    }

    [Fact]
    public async Task Run_BrokenQuoteWithReplace_KeepsTheLoadedDataset()
    {
        await SeedAsync(RepositoryPaths.DataFolder);
        var before = await CountAsync();
        var (folder, file, _) = CopyWithBrokenQuote();

        var error = await Assert.ThrowsAsync<DatasetException>(() => SeedAsync(folder, replace: true));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    /// <summary>A copy of data/ in which the first quote of participations/004.json no longer matches its line.</summary>
    private (string Folder, string File, string Quote) CopyWithBrokenQuote()
    {
        var folder = DataFiles.CopyToTemp();
        folders.Add(folder);
        const string file = "participations/004.json";
        var path = Path.Combine(folder, file);
        var items = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        var cite = items[0]!["cite"]![0]!;
        var original = (string)cite["quote"]!;
        var broken = original.Replace("平成15", "平成16", StringComparison.Ordinal);
        Assert.NotEqual(original, broken);
        cite["quote"] = broken;
        File.WriteAllText(path, items.ToJsonString());
        return (folder, file, broken);
    }

    private static async Task<int> ResolveAsync(AtlasDbContext db, string name)
    {
        var key = RegionNames.Key(name);
        var ids = await db.RegionAliases.Where(a => a.NormalizedName == key).Select(a => a.RegionId).Distinct().ToListAsync();
        return Assert.Single(ids);
    }

    private async Task<SortedDictionary<string, int>> CountAsync()
    {
        await using var db = database.NewContext();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in TableOrder.ParentsFirst(db.Model).Select(t => t.GetTableName()!))
        {
            var sql = "SELECT COUNT(*) AS \"Value\" FROM " + TableOrder.Quote(table);
#pragma warning disable EF1002 // Table names come from the EF model.
            counts[table] = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
#pragma warning restore EF1002
        }
        return counts;
    }
}
