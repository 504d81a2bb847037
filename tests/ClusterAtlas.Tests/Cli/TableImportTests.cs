using System.Globalization;
using System.Text;
using ClusterAtlas.Audit;
using ClusterAtlas.Cli;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Cli;

/// <summary>atlas import FILE: one table's rows added and updated from a CSV/TSV/XLSX/JSON file, audited, all or nothing.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the session through IAsyncLifetime.DisposeAsync.")]
public sealed class TableImportTests : IAsyncLifetime
{
    private readonly CliSession cli = new();

    public async Task InitializeAsync() => await cli.SeedAsync();

    public async Task DisposeAsync() => await cli.DisposeAsync();

    private string WriteFile(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(cli.NewFolder(), name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task RegionsByCode_ChangedRowUpdatedNewRowInsertedBothAudited_ReimportChangesNothing()
    {
        var before = await cli.CountRowsAsync();
        var file = WriteFile("Regions.csv",
            "Code,NameJa,NameEn\n" +
            "sapporo-doo,札幌周辺を核とする道央地域,Sapporo (renamed by import)\n" +
            "test-new-region,試験地域,Test Region\n" +
            "sendai,広域仙台地域,Greater Sendai\n");

        var result = await cli.RunAsync("import", file);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("Regions.csv: 1 inserted, 1 updated, 1 unchanged; rows not in the file are kept.", result.Out, StringComparison.Ordinal);
        await using (var db = cli.NewContext())
        {
            var sapporo = await db.Regions.SingleAsync(r => r.Code == "sapporo-doo");
            Assert.Equal("Sapporo (renamed by import)", sapporo.NameEn);
            Assert.Equal(43.06, sapporo.Latitude); // columns the file does not have keep their values
            Assert.NotNull(sapporo.Note);
            var created = await db.Regions.SingleAsync(r => r.Code == "test-new-region");
            Assert.Equal("試験地域", created.NameJa);
            var audit = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(2, audit.Count);
            var updated = audit[0];
            Assert.Equal((AuditAction.Updated, "import", "Regions", sapporo.Id.ToString(CultureInfo.InvariantCulture), "Regions.csv:2"),
                (updated.Action, updated.Actor, updated.SubjectType, updated.SubjectKey, updated.Origin));
            Assert.Equal([("NameEn", "Sapporo and Central Hokkaido", "Sapporo (renamed by import)")], RecordSnapshot.Diff(updated.Before, updated.After));
            Assert.Equal((AuditAction.Created, "Regions.csv:3", created.Id.ToString(CultureInfo.InvariantCulture)), (audit[1].Action, audit[1].Origin, audit[1].SubjectKey));
            Assert.Null(audit[1].Before);
            Assert.Contains("\"NameJa\":\"試験地域\"", audit[1].After, StringComparison.Ordinal);
            // The search index knows the new region.
            Assert.True(await db.SearchEntries.AnyAsync(s => s.EntityType == "region" && s.EntityId == created.Id && s.Normalized.Contains("試験地域")));
        }
        var afterFirst = await cli.CountRowsAsync();
        Assert.Equal(before["Regions"] + 1, afterFirst["Regions"]);

        var again = await cli.RunAsync("import", file);

        Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        Assert.Contains("0 inserted, 0 updated, 3 unchanged", again.Out, StringComparison.Ordinal);
        Assert.Equal(afterFirst, await cli.CountRowsAsync());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("json")]
    public async Task EveryFileOfAnExport_ImportedAsATable_ChangesNothing(string format)
    {
        var dump = await cli.ExportAsync(format);
        var before = await SnapshotAsync();

        foreach (var (table, file, rows, _) in DumpFolder.Files(dump))
        {
            var result = await cli.RunAsync("import", Path.Combine(dump, file));
            Assert.True(result.ExitCode == ExitCodes.Ok, $"{file}: {result}");
            Assert.Contains($"{file}: 0 inserted, 0 updated, {rows} unchanged", result.Out, StringComparison.Ordinal);
        }

        Assert.Equal(before, await SnapshotAsync());
        await using var db = cli.NewContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task BudgetLinesInShiftJis_JapaneseFiscalYearsAmountsUnitsAndDashes()
    {
        // A Shift_JIS file as a Japanese government table would be saved: era years, full-width digits, 千円 in the
        // header, 億円 in a cell, ▲ negatives and 「－」 for no data.
        var file = WriteFile("BudgetLines.csv",
            "Id,ProgrammeId,FiscalYear,Amount(千円),PublishedText,Status\n" +
            "1,1,平成17年度,\"７０，５９９，０００\",\"70, 599\",Published\n" +
            ",1,令和元年度,\"▲1,234\",\"▲1,234\",published\n" +
            ",1,Ｈ１８,5億円,5億円,Published\n" +
            ",1,FY2007,－,－,no-data\n" +
            ",1,H31,\"70, 599\",70599,Published\n",
            TableEncodings.ForReading(TableEncoding.ShiftJis)); // registers the code pages, as the import does
        var before = await cli.CountRowsAsync();

        var result = await cli.RunAsync("import", file);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("BudgetLines.csv: shift_jis (detected)", result.Err, StringComparison.Ordinal);
        Assert.Contains("4 inserted, 0 updated, 1 unchanged", result.Out, StringComparison.Ordinal);
        await using var db = cli.NewContext();
        var added = await db.BudgetLines.Where(b => b.Id > before["BudgetLines"]).OrderBy(b => b.Id)
            .Select(b => new { b.FiscalYear, b.AmountMillionYen, b.Status }).ToListAsync();
        Assert.Equal(2019, added[0].FiscalYear);
        Assert.Equal(-1.234m, added[0].AmountMillionYen);
        Assert.Equal((2006, 500m), (added[1].FiscalYear!.Value, added[1].AmountMillionYen!.Value));
        Assert.Equal((2007, (decimal?)null, Programmes.BudgetStatus.NoData), (added[2].FiscalYear!.Value, added[2].AmountMillionYen, added[2].Status));
        Assert.Equal((2019, 70.599m), (added[3].FiscalYear!.Value, added[3].AmountMillionYen!.Value));
    }

    [Fact]
    public async Task FileWithSeveralBadRows_EveryErrorListedWithLineAndColumn_NothingWritten()
    {
        var file = WriteFile("BudgetLines.csv",
            "Id,ProgrammeId,FiscalYear,AmountMillionYen,PublishedText,Status\n" +
            ",1,X18,1,x,Published\n" +          // 2: not a fiscal year
            ",1,2008,約500,約500,Published\n" + // 3: 約 where the table has no Approximate flag
            ",9999,2008,1,x,Published\n" +      // 4: no such programme
            ",1,2008,10超,10超,Published\n" +   // 5: a lower bound
            ",1,2008,1,x,Guessed\n" +           // 6: not a status
            ",1,2008,1,,Published\n" +          // 7: PublishedText required for a new row
            ",1,2008,1.23456円,x,Published\n" + // 8: finer than the column keeps
            ",1,2008,1,x,Published,extra\n" +   // 9: one field too many
            "3,1,2008,1,x,Published\n" +        // 10: fine …
            "3,1,2008,1,x,Published\n" +        // 11: … but the same Id again
            ",1,2008,5件,x,Published\n");        // 12: a unit that is not money
        var before = await SnapshotAsync();

        var result = await cli.RunAsync("import", file);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        string[] expected =
        [
            "BudgetLines.csv:2:FiscalYear: Not a fiscal year",
            "BudgetLines.csv:3:AmountMillionYen: 約 (approximate) is accepted only where the table has an Approximate column",
            "BudgetLines.csv:4:ProgrammeId: no Programmes row with key 9999",
            "BudgetLines.csv:5:AmountMillionYen: '10超' is a lower bound",
            "BudgetLines.csv:6:Status: 'Guessed' is not one of",
            "BudgetLines.csv:7:PublishedText: a value is required",
            "BudgetLines.csv:8:AmountMillionYen: '1.23456円' = 0.00000123456 has more than the 4 decimals",
            "BudgetLines.csv:9: 7 fields, the header has 6",
            "BudgetLines.csv:11:Id: 3 appears more than once in the file",
            "BudgetLines.csv:12:AmountMillionYen: '5件': 件 does not fit AmountMillionYen, which is in 百万円",
        ];
        var errors = result.Err.Split('\n').Where(l => l.StartsWith("BudgetLines.csv:", StringComparison.Ordinal)).ToList();
        foreach (var e in expected)
        {
            Assert.True(errors.Count(l => l.StartsWith(e, StringComparison.Ordinal)) == 1, $"expected one '{e}…' in:\n{string.Join('\n', errors)}");
        }
        Assert.Equal(expected.Length, errors.Count);
        Assert.Contains($"{expected.Length} error(s); nothing was written.", result.Err, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task IndicatorObservation_ApproximateValueInItsUnit_SetsTheFlagAndAuditsTheChange()
    {
        var file = WriteFile("IndicatorObservations.tsv", "Id\tValue\tPublishedText\n2\t約２，５００件\t約2,500件\n");

        var result = await cli.RunAsync("import", file);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        await using var db = cli.NewContext();
        var observation = await db.IndicatorObservations.SingleAsync(o => o.Id == 2);
        Assert.Equal((2500m, true, "約2,500件"), (observation.Value!.Value, observation.Approximate, observation.PublishedText));
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal("IndicatorObservations.tsv:2", entry.Origin);
        Assert.Equal(["Approximate", "PublishedText", "Value"], RecordSnapshot.Diff(entry.Before, entry.After).Select(d => d.Field));
    }

    [Fact]
    public async Task XlsxAndJsonFiles_ImportedLikeCsv_JsonMembersLeftOutKeepTheirValues()
    {
        var xlsx = Path.Combine(cli.NewFolder(), "Regions.xlsx");
        await using (var stream = File.Create(xlsx))
        using (var writer = TableFileWriter.Create(stream, TableFormat.Xlsx, TableEncoding.Utf8, ["Code", "NameEn"], [ColumnKind.Text, ColumnKind.Text], "Regions"))
        {
            writer.Write(["sendai", "Sendai from a workbook"]);
        }
        var json = WriteFile("Organisations.json", "[\n{\"Code\":\"medicon-valley\",\"NameEn\":\"Medicon Valley (json)\"}\n]\n");

        var fromXlsx = await cli.RunAsync("import", xlsx);
        var fromJson = await cli.RunAsync("import", json);

        Assert.True(fromXlsx.ExitCode == ExitCodes.Ok, fromXlsx.ToString());
        Assert.True(fromJson.ExitCode == ExitCodes.Ok, fromJson.ToString());
        await using var db = cli.NewContext();
        Assert.Equal("Sendai from a workbook", await db.Regions.Where(r => r.Code == "sendai").Select(r => r.NameEn).SingleAsync());
        var medicon = await db.Organisations.SingleAsync(o => o.Code == "medicon-valley");
        Assert.Equal("Medicon Valley (json)", medicon.NameEn);
        Assert.False(string.IsNullOrEmpty(medicon.NameJa));
    }

    [Fact]
    public async Task TableOption_NamesTheTableOfAnyFileAndDryRunWritesNothing()
    {
        var file = WriteFile("from-the-prefecture.csv", "Code,CompaniesApprox\nic-hokkaido-super-cluster-2,－\n");

        var dry = await cli.RunAsync("import", file, "--table", "IndustrialClusterProjects", "--dry-run");
        Assert.True(dry.ExitCode == ExitCodes.Ok, dry.ToString());
        Assert.Contains("Dry run: from-the-prefecture.csv: 0 to insert, 1 to update, 0 unchanged", dry.Out, StringComparison.Ordinal);
        await using (var db = cli.NewContext())
        {
            Assert.Equal(570, await db.IndustrialClusterProjects.Where(c => c.Code == "ic-hokkaido-super-cluster-2").Select(c => c.CompaniesApprox).SingleAsync());
        }

        var real = await cli.RunAsync("import", file, "--table", "industrialclusterprojects");

        Assert.True(real.ExitCode == ExitCodes.Ok, real.ToString());
        await using var check = cli.NewContext();
        Assert.Null(await check.IndustrialClusterProjects.Where(c => c.Code == "ic-hokkaido-super-cluster-2").Select(c => c.CompaniesApprox).SingleAsync());
    }

    [Theory]
    [InlineData("Regions.xlsx", "Code,NameEn\nsendai,x\n", "Regions.xlsx: not an XLSX file")]
    [InlineData("Nowhere.csv", "Code\nx\n", "Nowhere.csv: no table 'Nowhere'")]
    [InlineData("Regions.txt", "Code\nx\n", "Regions.txt: not a table file")]
    [InlineData("Regions.csv", "Code,Colour\nsendai,red\n", "Regions.csv:1:Colour: unknown column")]
    [InlineData("Regions.csv", "NameEn\nx\n", "Regions.csv:1: no Code column")]
    [InlineData("Regions.csv", "Code,NameEn\nsendai,\"unclosed\n", "Regions.csv:2: a quoted field is not closed")]
    [InlineData("Regions.csv", "Id,Code,NameJa,NameEn\n134217728,far-away,遠い地域,Far\n", "Regions.csv:2:Id: Id 134217728 is outside 1 … 134,217,727, the ids search can index")]
    public async Task UnusableFile_ClearErrorExitThreeNothingWritten(string name, string text, string error)
    {
        var file = WriteFile(name, text);
        var before = await SnapshotAsync();

        var result = await cli.RunAsync("import", file);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains(error, result.Err, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ThousandsOfBadRows_FirstThousandPrintedAndTheRestCounted()
    {
        var text = new StringBuilder("Id,ProgrammeId,FiscalYear,AmountMillionYen,PublishedText,Status\n");
        for (var i = 0; i < 1500; i++)
        {
            text.Append(",1,bad,1,x,Published\n");
        }
        var file = WriteFile("BudgetLines.csv", text.ToString());

        var result = await cli.RunAsync("import", file);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal(1000, result.Err.Split('\n').Count(l => l.StartsWith("BudgetLines.csv:", StringComparison.Ordinal)));
        Assert.Contains("… and 500 more", result.Err, StringComparison.Ordinal);
        Assert.Contains("1500 error(s); nothing was written.", result.Err, StringComparison.Ordinal);
    }

    /// <summary>Row counts plus the values a partial import would change.</summary>
    private async Task<string> SnapshotAsync()
    {
        var text = new StringBuilder();
        foreach (var (table, count) in await cli.CountRowsAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"{table}={count}\n");
        }
        await using var db = cli.NewContext();
        foreach (var b in await db.BudgetLines.OrderBy(b => b.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"budget {b.Id} {b.ProgrammeId} {b.FiscalYear} {b.AmountMillionYen} {b.Status} {b.PublishedText}\n");
        }
        foreach (var r in await db.Regions.OrderBy(r => r.Id).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $"region {r.Id} {r.Code} {r.NameJa} {r.NameEn}\n");
        }
        return text.ToString();
    }
}
