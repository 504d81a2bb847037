using System.Text.Json.Nodes;
using ClusterAtlas.Cli;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Cli;

/// <summary>export → import into a fresh database → export gives the same bytes, in every format and encoding.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the session through IAsyncLifetime.DisposeAsync.")]
public sealed class TabularRoundTripTests : IAsyncLifetime
{
    private readonly CliSession cli = new();

    public async Task InitializeAsync() => await cli.SeedAsync();

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("tsv")]
    [InlineData("xlsx")]
    public async Task ExportImportIntoFreshDatabaseExport_ByteIdentical(string format)
    {
        var first = await cli.ExportAsync(format);
        await using var target = new CliSession();

        var import = await target.RunAsync("import", first);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        var second = await target.ExportAsync(format);

        AssertSameDump(first, second);
        Assert.Equal(format, (string?)DumpFolder.ReadManifest(first)["format"]);
    }

    [Fact]
    public async Task ExportShiftJis_CharactersShiftJisLacks_ListedWithTableKeyAndColumnAndNothingWritten()
    {
        var folder = cli.NewFolder();

        var result = await cli.RunAsync("export", "--format", "csv", "--encoding", "shift_jis", "--out", folder);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        var errors = result.Err.Split('\n').Where(l => l.Contains("cannot be encoded in Shift_JIS", StringComparison.Ordinal)).ToList();
        // The curated data holds some: the wave dash 〜 (U+301C, CP932 has only ～), the minus sign − (U+2212), en dashes …
        Assert.Contains("Programmes.csv: Id=3, column TermText: '〜' (U+301C) cannot be encoded in Shift_JIS (export as utf-8, or replace it)", errors);
        Assert.Contains(errors, e => e.Contains("(U+2212)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("(U+2013)", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Matches(@"^[A-Za-z]+\.csv: Id=[^,]+, column [A-Za-z]+: '.+' \(U\+[0-9A-F]{4,5}\)", e));
        Assert.Contains("; no dump was written.", result.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("tsv")]
    public async Task ExportShiftJis_OnceEveryValueFits_RoundTripsByteIdentical(string format)
    {
        await ReplaceCharactersShiftJisLacksAsync();
        var first = cli.NewFolder();
        var export = await cli.RunAsync("export", "--format", format, "--encoding", "shift_jis", "--out", first);
        Assert.True(export.ExitCode == ExitCodes.Ok, export.ToString());
        Assert.Equal("shift_jis", (string?)DumpFolder.ReadManifest(first)["encoding"]);
        await using (var regions = File.OpenRead(Path.Combine(first, "Regions." + format)))
        {
            Assert.Equal(TableEncoding.ShiftJis, TableEncodings.Detect(regions));
        }
        await using var target = new CliSession();

        var import = await target.RunAsync("import", first);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        var second = target.NewFolder();
        Assert.Equal(ExitCodes.Ok, (await target.RunAsync("export", "--format", format, "--encoding", "shift_jis", "--out", second)).ExitCode);

        AssertSameDump(first, second);
        await using var db = target.NewContext();
        Assert.Contains(await db.Regions.Select(r => r.NameJa).ToListAsync(), n => n.Contains("札幌", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tsv")]
    [InlineData("xlsx")]
    public async Task FormulaLikeValues_ComeBackExactlyFromEveryFormat(string format)
    {
        string[] values = ["=HYPERLINK(\"http://x\")", "+SUM(A1:A9)", "-2+3", "@cmd", "'=already quoted", "tab\tand\r\nbreaks"];
        await using (var db = cli.NewContext())
        {
            var regions = await db.Regions.OrderBy(r => r.Id).Take(values.Length).ToListAsync();
            for (var i = 0; i < values.Length; i++)
            {
                regions[i].NameEn = values[i];
            }
            await db.SaveChangesAsync();
        }
        var dump = await cli.ExportAsync(format);
        await using var target = new CliSession();

        var import = await target.RunAsync("import", dump);

        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        await using var check = target.NewContext();
        Assert.Equal(values, await check.Regions.OrderBy(r => r.Id).Take(values.Length).Select(r => r.NameEn).ToListAsync());
    }

    /// <summary>Replaces, in every text column of every table, each character the Shift_JIS export reports with '_'.</summary>
    [Fact]
    public async Task Import_RowPointingAtALaterRowOfItsOwnTable_AcceptedAndADanglingOneReported()
    {
        var dump = cli.CopyFolder(await cli.ExportAsync("json"));
        var last = DumpFolder.Files(dump).Single(f => f.Table == "Programmes").Rows;
        DumpFolder.EditJsonRecord(dump, "Programmes.json", 2, r => r["ParentId"] = last); // a parent written after its child
        DumpFolder.FixManifest(dump, "Programmes.json");
        await using var target = new CliSession();

        var import = await target.RunAsync("import", dump);

        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        await using (var db = target.NewContext())
        {
            Assert.Equal(last, await db.Programmes.Where(p => p.Id == 2).Select(p => p.ParentId).SingleAsync());
        }

        var line = DumpFolder.EditJsonRecord(dump, "Programmes.json", 3, r => r["ParentId"] = 9999);
        DumpFolder.FixManifest(dump, "Programmes.json");
        var rejected = await target.RunAsync("import", dump);

        Assert.Equal(ExitCodes.InvalidInput, rejected.ExitCode);
        Assert.Contains($"Programmes.json:{line}:ParentId: no Programmes row with key 9999", rejected.Err, StringComparison.Ordinal);
    }

    private async Task ReplaceCharactersShiftJisLacksAsync()
    {
        // The export lists the first 1,000 problems: repeat until it has nothing left to say.
        for (var round = 0; round < 5; round++)
        {
            var probe = await cli.RunAsync("export", "--format", "csv", "--encoding", "shift_jis", "--out", cli.NewFolder());
            var characters = System.Text.RegularExpressions.Regex.Matches(probe.Err, @"\(U\+([0-9A-F]{4,5})\) cannot be encoded")
                .Select(m => char.ConvertFromUtf32(Convert.ToInt32(m.Groups[1].Value, 16))).Distinct().ToList();
            if (characters.Count == 0)
            {
                return;
            }
            await ReplaceAsync(characters);
        }
    }

    private async Task ReplaceAsync(List<string> characters)
    {
        await using var db = cli.NewContext();
        foreach (var entity in TransferTables.All(db.Model))
        {
            foreach (var property in TransferTables.Columns(entity).Where(p => p.ClrType == typeof(string)))
            {
                var column = Data.TableOrder.Quote(property.GetColumnName());
                foreach (var character in characters)
                {
                    var sql = $"UPDATE {Data.TableOrder.Quote(entity.GetTableName()!)} SET {column} = REPLACE({column}, {{0}}, '_')";
#pragma warning disable EF1002 // Names come from the EF model; the character is a parameter.
                    await db.Database.ExecuteSqlRawAsync(sql, character);
#pragma warning restore EF1002
                }
            }
        }
    }

    private static void AssertSameDump(string first, string second)
    {
        var files = DumpFolder.Files(first);
        Assert.NotEmpty(files);
        foreach (var (_, file, _, _) in files)
        {
            var a = File.ReadAllBytes(Path.Combine(first, file));
            var b = File.ReadAllBytes(Path.Combine(second, file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between the two exports");
        }
        var m1 = DumpFolder.ReadManifest(first);
        var m2 = DumpFolder.ReadManifest(second);
        m1.Remove("exportedAt");
        m2.Remove("exportedAt");
        Assert.True(JsonNode.DeepEquals(m1, m2), $"manifests differ beyond exportedAt:\n{m1}\n{m2}");
    }
}
