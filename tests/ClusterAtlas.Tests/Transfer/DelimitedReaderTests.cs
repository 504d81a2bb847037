using ClusterAtlas.Transfer;
using Xunit;

namespace ClusterAtlas.Tests.Transfer;

[Collection(MemoryMeasurements.Name)]
public sealed class DelimitedReaderTests
{
    private static List<TableRecord> Read(string text, char delimiter = ',', TableLimits? limits = null) =>
        [.. new DelimitedReader(new StringReader(text), delimiter, limits ?? TableLimits.Default).Records()];

    [Fact]
    public void Csv_QuotedAndUnquotedCells_NullForEmptyUnquotedEmptyTextForQuotes()
    {
        var records = Read("Id,Name,Note\n1,\"札幌, 道央\",\n2,\"\",\"say \"\"hi\"\"\"\n");

        Assert.Equal(3, records.Count);
        Cells.Equal(["1", "札幌, 道央", null], records[1].Cells);
        Cells.Equal(["2", "", "say \"hi\""], records[2].Cells);
        Assert.All(records, r => Assert.Empty(r.Problems));
    }

    [Fact]
    public void Csv_LineBreaksInsideQuotes_RecordKeepsItsStartLineAndLaterLinesCountOn()
    {
        var records = Read("a,b\r\n\"one\r\ntwo\nthree\",x\r\nlast,y");

        Assert.Equal([1, 2, 5], records.Select(r => r.Line));
        Assert.Equal("one\r\ntwo\nthree", records[1].Cells[0]);
        Cells.Equal(["last", "y"], records[2].Cells);
    }

    [Fact]
    public void Csv_BlankLines_AreNotRecordsButStillCountAsLines()
    {
        var records = Read("a\n\n1\n\r\n\n2\n\n");

        Assert.Equal([1, 3, 6], records.Select(r => r.Line));
    }

    [Fact]
    public void Csv_LoneCarriageReturns_EndLinesAsOldMacFilesDo_AndNoCellLosesOrKeepsThem()
    {
        // Classic Mac OS and some Excel exports end lines with CR alone; the old reader silently dropped it.
        var records = Read("Id,Name\r1,札幌\r2,\"旭川\r道北\"\r3,函館");

        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
        Cells.Equal(["1", "札幌"], records[1].Cells);
        Cells.Equal(["2", "旭川\r道北"], records[2].Cells);
        Cells.Equal(["3", "函館"], records[3].Cells);
    }

    [Theory]
    [InlineData("\"'=HYPERLINK(1)\"", "=HYPERLINK(1)")]
    [InlineData("\"'+1\"", "+1")]
    [InlineData("\"'-2\"", "-2")]
    [InlineData("\"'@cmd\"", "@cmd")]
    [InlineData("\"''quoted\"", "'quoted")]
    [InlineData("\"'plain\"", "'plain")]
    [InlineData("'=unquoted", "'=unquoted")]
    public void Csv_GuardedFormulaCell_ApostropheRemovedOnlyWhereTheWriterAddsIt(string cell, string expected)
    {
        Assert.Equal(expected, Read("h\n" + cell + "\n")[1].Cells[0]);
    }

    [Fact]
    public void Tsv_TabSeparatedWithQuotesForTabsAndNewlines()
    {
        var records = Read("Id\tName\n1\t\"a\tb\"\n2\t\"x\ny\"\n3\t\n", '\t');

        Cells.Equal(["1", "a\tb"], records[1].Cells);
        Cells.Equal(["2", "x\ny"], records[2].Cells);
        Cells.Equal(["3", null], records[3].Cells);
    }

    [Fact]
    public void Csv_UnterminatedQuote_ThrowsWithTheLineWhereTheQuoteOpened()
    {
        var e = Assert.Throws<TableFormatException>(() => Read("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n"));

        Assert.Equal(3, e.Line);
        Assert.Contains("not closed", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_TextAfterClosingQuote_ThrowsWithLineAndField()
    {
        var e = Assert.Throws<TableFormatException>(() => Read("a,b\n1,\"ライフ\"サイエンス\n"));

        Assert.Equal(2, e.Line);
        Assert.Equal("text after a closing quote in field 2", e.Reason);
    }

    [Fact]
    public void Csv_NulAndControlBytes_ReportedPerCellAndReadingGoesOn()
    {
        var records = Read("a,b\nok,bad\0cell\n\u0001,fine\nx,y\n");

        Assert.Equal(4, records.Count);
        var nul = Assert.Single(records[1].Problems);
        Assert.Equal(1, nul.Column);
        Assert.Contains("U+0000", nul.Reason, StringComparison.Ordinal);
        Assert.Null(records[1].Cells[1]);
        Assert.Equal(0, Assert.Single(records[2].Problems).Column);
        Cells.Equal(["x", "y"], records[3].Cells);
    }

    [Fact]
    public void Csv_TenMegabyteField_ReportedAsTooLongWithoutStoppingTheFile()
    {
        var huge = new string('あ', 10 << 20);
        var records = Read($"a,b\n1,\"{huge}\"\n2,{huge}\n3,ok\n");

        Assert.Equal(4, records.Count);
        Assert.Contains("longer than 1,048,576 characters", Assert.Single(records[1].Problems).Reason, StringComparison.Ordinal);
        Assert.Null(records[1].Cells[1]);
        Assert.NotEmpty(records[2].Problems);
        Cells.Equal(["3", "ok"], records[3].Cells);
    }

    [Fact]
    public void Csv_TooManyCells_OneRecordProblem()
    {
        var records = Read("a\n" + string.Join(',', Enumerable.Repeat("x", 20)) + "\n", limits: new TableLimits { MaxCells = 10 });

        var problem = Assert.Single(records[1].Problems);
        Assert.Equal(-1, problem.Column);
        Assert.Equal(10, records[1].Cells.Length);
    }

    [Fact]
    public void Csv_MillionRecords_StreamWithoutHoldingTheFile()
    {
        // A reader that makes up 1,000,000 records (about 40 MB of text) as it is read. Live memory is sampled every
        // 100,000 records: reading the other 900,000 must not make it grow.
        var records = 0;
        var samples = new List<long>();
        foreach (var record in new DelimitedReader(new GeneratedCsv(1_000_000), ',', TableLimits.Default).Records())
        {
            if (++records % 100_000 == 0)
            {
                samples.Add(GC.GetTotalMemory(forceFullCollection: true)); // live objects only
            }
        }

        Assert.Equal(1_000_001, records);
        var growth = samples.Max() - samples[0];
        Assert.True(growth < 8 << 20, $"live memory grew by {growth:N0} bytes while streaming ({string.Join(", ", samples.Select(s => s.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))})");
    }

    /// <summary>Text of a CSV with a header and <c>rows</c> records, produced on demand.</summary>
    private sealed class GeneratedCsv(int rows) : TextReader
    {
        private string current = "Id,NameJa,Amount\n";
        private int offset;
        private int next = 1;

        public override int Read(char[] buffer, int index, int count)
        {
            if (offset == current.Length)
            {
                if (next > rows)
                {
                    return 0;
                }
                current = $"{next},\"地域{next}, テスト\",{next * 3}.5\n";
                offset = 0;
                next++;
            }
            var n = Math.Min(count, current.Length - offset);
            current.CopyTo(offset, buffer, index, n);
            offset += n;
            return n;
        }
    }
}
