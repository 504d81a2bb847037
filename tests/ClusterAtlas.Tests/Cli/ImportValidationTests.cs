using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ClusterAtlas.Cli;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Cli;

/// <summary>`atlas import` checks a whole dump first and writes nothing when anything is wrong.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the session through IAsyncLifetime.DisposeAsync.")]
public sealed class ImportValidationTests : IAsyncLifetime
{
    private readonly CliSession cli = new();

    public async Task InitializeAsync() => await cli.SeedAsync();

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task Import_CsvWithManyRowErrors_ExitThreeListsEveryErrorAndChangesNothing()
    {
        var dump = cli.CopyFolder(await cli.ExportAsync("csv"));
        var before = await SnapshotAsync();
        var expected = new List<(string Location, string Detail)>();

        // A valid change, so that a partial import would be visible.
        EditCsv(dump, "Regions.csv", "1", "NameEn", "\"Changed by the dump\"");
        // 1. A bad integer.
        var line = EditCsv(dump, "BudgetLines.csv", "3", "FiscalYear", "\"20O7\"");
        expected.Add(($"BudgetLines.csv:{line}:FiscalYear:", "'20O7'"));
        // 2. An unknown enum value, in another file.
        line = EditCsv(dump, "Participations.csv", "2", "Basis", "\"Guessed\"");
        expected.Add(($"Participations.csv:{line}:Basis:", "'Guessed'"));
        // 3. A dangling foreign key: no region 9999.
        line = EditCsv(dump, "Participations.csv", "5", "RegionId", "\"9999\"");
        expected.Add(($"Participations.csv:{line}:RegionId:", "9999"));
        // 4. A duplicate key: alias 2 becomes a second alias 1.
        line = EditCsv(dump, "RegionAliases.csv", "2", "Id", "\"1\"");
        expected.Add(($"RegionAliases.csv:{line}:Id:", "duplicate key 1"));
        // 5. A record with one field too many.
        var prefectures = DumpFolder.ReadLines(dump, "RegionPrefectures.csv");
        var extra = DumpFolder.LineStartingWith(prefectures, "\"3\",");
        var fields = DumpFolder.SplitRaw(prefectures[0]).Count;
        prefectures[extra] += ",\"extra\"";
        DumpFolder.WriteLines(dump, "RegionPrefectures.csv", prefectures);
        DumpFolder.FixManifest(dump, "RegionPrefectures.csv");
        expected.Add(($"RegionPrefectures.csv:{extra + 1}:", $"{fields + 1} fields, the header has {fields}"));
        // 6. A truncated file: the last record ends inside a quoted field.
        var answers = DumpFolder.ReadLines(dump, "SurveyAnswers.csv");
        var last = Array.FindLastIndex(answers, l => l.Length > 0);
        var cut = answers[last].IndexOf("\",\"", StringComparison.Ordinal) + 3; // just after the opening quote of field 2 …
        File.WriteAllText(Path.Combine(dump, "SurveyAnswers.csv"),
            string.Join('\n', answers.Take(last)) + "\n" + answers[last][..(cut + 2)], new UTF8Encoding(false)); // … plus two characters of it
        DumpFolder.FixManifest(dump, "SurveyAnswers.csv", rows: last - 1); // the complete records before the cut
        expected.Add(($"SurveyAnswers.csv:{last + 1}:", "not closed"));
        // 7. A searchable record's id beyond its search entries' id band (2^27 ids per kind).
        line = EditCsv(dump, "InternationalLinks.csv", "1", "Id", "\"134217728\"");
        expected.Add(($"InternationalLinks.csv:{line}:Id:", "134217728 is outside 1 … 134,217,727"));

        var result = await cli.RunAsync("import", dump);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        AssertErrors(result, expected);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Import_JsonWithManyRowErrors_ExitThreeListsEveryErrorAndChangesNothing()
    {
        var dump = cli.CopyFolder(await cli.ExportAsync("json"));
        var before = await SnapshotAsync();
        var expected = new List<(string Location, string Detail)>();

        EditJson(dump, "Regions.json", 1, r => r["NameEn"] = "Changed by the dump");
        var line = EditJson(dump, "BudgetLines.json", 3, r => r["FiscalYear"] = "20O7");
        expected.Add(($"BudgetLines.json:{line}:FiscalYear:", "'20O7'"));
        line = EditJson(dump, "Participations.json", 2, r => r["Basis"] = "Guessed");
        expected.Add(($"Participations.json:{line}:Basis:", "'Guessed'"));
        line = EditJson(dump, "Participations.json", 5, r => r["RegionId"] = 9999);
        expected.Add(($"Participations.json:{line}:RegionId:", "9999"));
        line = EditJson(dump, "RegionAliases.json", 2, r => r["Id"] = 1);
        expected.Add(($"RegionAliases.json:{line}:Id:", "duplicate key 1"));
        line = EditJson(dump, "Events.json", 4, r => r["Surprise"] = "x");
        expected.Add(($"Events.json:{line}:Surprise:", "unknown column"));
        line = EditJson(dump, "Ministries.json", 2, r => r.Remove("NameJa"));
        expected.Add(($"Ministries.json:{line}:NameJa:", "required"));
        // A record line cut short is not JSON at all.
        var surveys = DumpFolder.ReadLines(dump, "SurveyAnswers.json");
        var at = DumpFolder.LineStartingWith(surveys, "{\"Id\":2,");
        surveys[at] = surveys[at][..20];
        DumpFolder.WriteLines(dump, "SurveyAnswers.json", surveys);
        DumpFolder.FixManifest(dump, "SurveyAnswers.json");
        expected.Add(($"SurveyAnswers.json:{at + 1}:", "not a JSON object"));

        var result = await cli.RunAsync("import", dump);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        AssertErrors(result, expected);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Import_CsvTextAfterClosingQuote_ReportsFileLineAndField()
    {
        var dump = cli.CopyFolder(await cli.ExportAsync("csv"));
        var before = await SnapshotAsync();
        var manifestRows = DumpFolder.Files(dump).Single(f => f.File == "RegionFields.csv").Rows;
        var line = DumpFolder.EditCsvCell(dump, "RegionFields.csv", "7", "Field", "\"ライフ\"サイエンス");
        DumpFolder.FixManifest(dump, "RegionFields.csv");

        var result = await cli.RunAsync("import", dump);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        // The file cannot be read past the broken record, so fewer records than the manifest lists are found.
        Assert.Equal(
            [$"RegionFields.csv:{line}: text after a closing quote in field 2", $"RegionFields.csv: {line - 2} rows read, the manifest says {manifestRows}"],
            ErrorLines(result));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("csv", "Regions.csv")]
    [InlineData("json", "Regions.json")]
    public async Task Import_FileChangedWithoutManifestUpdate_RejectedForItsSha256(string format, string file)
    {
        var dump = cli.CopyFolder(await cli.ExportAsync(format));
        var before = await SnapshotAsync();
        // A change that is valid in itself: only the hash can tell.
        var text = File.ReadAllText(Path.Combine(dump, file));
        Assert.Contains("Sapporo and Central Hokkaido", text, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dump, file), text.Replace("Sapporo and Central Hokkaido", "Sapporo and Central Hokkaidō", StringComparison.Ordinal), new UTF8Encoding(false));

        var result = await cli.RunAsync("import", dump);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        var errors = ErrorLines(result);
        Assert.Equal([$"{file}: SHA-256 differs from the manifest (the file was changed or truncated)"], errors);
        Assert.Contains("1 error(s); nothing was written.", result.Err, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Import_RecordRemovedAndHashFixed_RejectedForItsRowCount()
    {
        var dump = cli.CopyFolder(await cli.ExportAsync("csv"));
        var before = await SnapshotAsync();
        var lines = DumpFolder.ReadLines(dump, "RegionFields.csv").ToList();
        var expectedRows = DumpFolder.Files(dump).Single(f => f.File == "RegionFields.csv").Rows;
        lines.RemoveAt(DumpFolder.LineStartingWith([.. lines], "\"7\","));
        DumpFolder.WriteLines(dump, "RegionFields.csv", [.. lines]);
        DumpFolder.FixManifest(dump, "RegionFields.csv");

        var result = await cli.RunAsync("import", dump);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Equal([$"RegionFields.csv: {expectedRows - 1} rows read, the manifest says {expectedRows}"], ErrorLines(result));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Import_FolderWithoutManifest_ExitThreeWithClearMessage()
    {
        var dump = cli.CopyFolder(await cli.ExportAsync("json"));
        File.Delete(Path.Combine(dump, DumpFolder.ManifestName));
        var before = await SnapshotAsync();

        var result = await cli.RunAsync("import", dump);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        var error = Assert.Single(ErrorLines(result));
        Assert.Contains(Path.Combine(dump, DumpFolder.ManifestName), error, StringComparison.Ordinal);
        Assert.Contains("not found", error, StringComparison.Ordinal);
        Assert.Contains("atlas export", error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("{ \"format\": \"json\", \"formatVersion\": 1 }", "manifest.json: no \"files\" list")]
    [InlineData("{ \"format\": \"json\", \"formatVersion\": 1, \"files\": [ { \"table\": \"Regions\", \"rows\": 1 } ] }", "manifest.json: files[0] needs table, file and sha256")]
    [InlineData("{ \"format\": \"xml\", \"formatVersion\": 1, \"files\": [] }", "manifest.json: unsupported format 'xml' version 1")]
    [InlineData("{ \"format\": \"json\", \"formatVersion\": 2, \"files\": [] }", "manifest.json: unsupported format 'json' version 2")]
    [InlineData("{ \"format\": \"json\", ", "manifest.json:1: ")]
    public async Task Import_DamagedManifest_ExitThreeNamesTheProblem(string manifest, string error)
    {
        var dump = cli.CopyFolder(await cli.ExportAsync("json"));
        File.WriteAllText(Path.Combine(dump, DumpFolder.ManifestName), manifest);
        var before = await SnapshotAsync();

        var result = await cli.RunAsync("import", dump);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.StartsWith(error, Assert.Single(ErrorLines(result)), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Import_MissingTableFile_ExitThreeNamesTheFile()
    {
        var dump = cli.CopyFolder(await cli.ExportAsync("csv"));
        File.Delete(Path.Combine(dump, "Events.csv"));
        var before = await SnapshotAsync();

        var result = await cli.RunAsync("import", dump);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        var errors = ErrorLines(result);
        Assert.Contains("Events.csv: file listed in the manifest is missing", errors);
        Assert.Equal(before, await SnapshotAsync());
    }

    private static int EditCsv(string dump, string file, string id, string column, string rawCell)
    {
        var line = DumpFolder.EditCsvCell(dump, file, id, column, rawCell);
        DumpFolder.FixManifest(dump, file);
        return line;
    }

    private static int EditJson(string dump, string file, int id, Action<JsonObject> edit)
    {
        var line = DumpFolder.EditJsonRecord(dump, file, id, edit);
        DumpFolder.FixManifest(dump, file);
        return line;
    }

    /// <summary>stderr without the progress lines ("… ") and the closing count.</summary>
    private static List<string> ErrorLines(CliResult result) =>
        result.Err.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('…') && !l.EndsWith("nothing was written.", StringComparison.Ordinal)).ToList();

    /// <summary>Exactly the expected errors, each once, each at file:line[:column]: with its detail; nothing else.</summary>
    private static void AssertErrors(CliResult result, List<(string Location, string Detail)> expected)
    {
        var errors = ErrorLines(result);
        foreach (var (location, detail) in expected)
        {
            var matching = errors.Where(e => e.StartsWith(location, StringComparison.Ordinal) && e.Contains(detail, StringComparison.Ordinal)).ToList();
            Assert.True(matching.Count == 1, $"expected one error '{location} … {detail}', found {matching.Count} in:\n{string.Join('\n', errors)}");
        }
        Assert.True(errors.Count == expected.Count, $"expected {expected.Count} errors, got {errors.Count}:\n{string.Join('\n', errors)}");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{expected.Count} error(s); nothing was written."), result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    /// <summary>Row counts of every table plus a sample of values that a partial import would change.</summary>
    private async Task<string> SnapshotAsync()
    {
        var counts = await cli.CountRowsAsync();
        await using var db = cli.NewContext();
        var sample = new StringBuilder();
        foreach (var (table, count) in counts)
        {
            sample.Append(CultureInfo.InvariantCulture, $"{table}={count}\n");
        }
        foreach (var r in await db.Regions.OrderBy(r => r.Id).ToListAsync())
        {
            sample.Append(CultureInfo.InvariantCulture, $"region {r.Id} {r.Code} {r.NameJa} {r.NameEn}\n");
        }
        foreach (var b in await db.BudgetLines.OrderBy(b => b.Id).ToListAsync())
        {
            sample.Append(CultureInfo.InvariantCulture, $"budget {b.Id} {b.ProgrammeId} {b.FiscalYear} {b.AmountMillionYen} {b.Status}\n");
        }
        foreach (var p in await db.Participations.OrderBy(p => p.Id).ToListAsync())
        {
            sample.Append(CultureInfo.InvariantCulture, $"participation {p.Id} {p.RegionId} {p.ProgrammeId} {p.Basis} {p.StartFiscalYear}-{p.EndFiscalYear}\n");
        }
        foreach (var a in await db.RegionAliases.OrderBy(a => a.Id).ToListAsync())
        {
            sample.Append(CultureInfo.InvariantCulture, $"alias {a.Id} {a.RegionId} {a.Name}\n");
        }
        foreach (var a in await db.SurveyAnswers.OrderBy(a => a.Id).ToListAsync())
        {
            sample.Append(CultureInfo.InvariantCulture, $"answer {a.Id} {a.Share} {a.PublishedText}\n");
        }
        var load = await db.DatasetLoads.SingleAsync();
        sample.Append(CultureInfo.InvariantCulture, $"load {load.Id} {load.DatasetHash} {load.LoadedAt:O}\n");
        Assert.Contains("region 1 sapporo-doo", sample.ToString(), StringComparison.Ordinal);
        return sample.ToString();
    }
}
