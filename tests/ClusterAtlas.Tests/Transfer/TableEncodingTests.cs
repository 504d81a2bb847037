using System.Text;
using ClusterAtlas.Transfer;
using Xunit;

namespace ClusterAtlas.Tests.Transfer;

/// <summary>CSV/TSV arrive in UTF-8 (with or without BOM) or Shift_JIS (CP932): detected, or named with --encoding.</summary>
public sealed class TableEncodingTests
{
    // 「地域,金額\r\n札幌,▲1,234\r\n髙岡①,－\r\n」 in Shift_JIS (CP932), byte for byte (written by Python's cp932 codec,
    // not by .NET): 髙 (EEE0) and ① (8740) exist only in Microsoft's CP932 extensions of Shift_JIS.
    private static readonly byte[] Cp932Bytes = Convert.FromHexString(
        "926E88E62C8BE08A7A0D0A8E4496792C81A3312C3233340D0AEEE089AA87402C817C0D0A");

    private static List<TableRecord> Read(byte[] bytes, TableEncoding? encoding = null, Action<TableEncoding>? detected = null) =>
        [.. TableFileReader.Read(new MemoryStream(bytes), TableFormat.Csv, new TableReadOptions { Encoding = encoding }, detected)];

    [Fact]
    public void Cp932File_DetectedAndDecoded()
    {
        TableEncoding? seen = null;

        var records = Read(Cp932Bytes, detected: e => seen = e);

        Assert.Equal(TableEncoding.ShiftJis, seen);
        Cells.Equal(["地域", "金額"], records[0].Cells);
        Cells.Equal(["札幌", "▲1", "234"], records[1].Cells);
        Cells.Equal(["髙岡①", "－"], records[2].Cells);
        Assert.All(records, r => Assert.Empty(r.Problems));
    }

    [Fact]
    public void Cp932File_ForcedUtf8_ReportsInvalidBytesPerCell()
    {
        var records = Read(Cp932Bytes, TableEncoding.Utf8);

        var problem = records[0].Problems[0];
        Assert.Equal(0, problem.Column);
        Assert.Equal("bytes that are not valid UTF-8 text", problem.Reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf8File_WithOrWithoutBom_DetectedAsUtf8(bool bom)
    {
        var text = Encoding.UTF8.GetBytes("地域,金額\n札幌,5億円\n");
        var bytes = bom ? [.. Encoding.UTF8.GetPreamble(), .. text] : text;
        TableEncoding? seen = null;

        var records = Read(bytes, detected: e => seen = e);

        Assert.Equal(TableEncoding.Utf8, seen);
        Assert.Equal("地域", records[0].Cells[0]); // no BOM left on the first header
        Cells.Equal(["札幌", "5億円"], records[1].Cells);
    }

    [Fact]
    public void Utf8File_JapaneseOnlyAfterMegabytesOfAscii_StillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("a\n" + string.Concat(Enumerable.Repeat("ascii only line\n", 200_000)) + "最後\n");

        Assert.Equal(TableEncoding.Utf8, TableEncodings.Detect(new MemoryStream(bytes)));
    }

    [Fact]
    public void Utf16File_RefusedWithAClearReason()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a,b\n")).ToArray();

        var e = Assert.Throws<TableFormatException>(() => Read(bytes));
        Assert.Contains("UTF-16", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void BinaryGarbage_CellProblemsOrAFormatErrorNeverAnythingElse(int seed)
    {
        var bytes = new byte[20_000];
        new Random(seed).NextBytes(bytes);

        try
        {
            var records = Read(bytes);
            Assert.Contains(records, r => r.Problems.Count > 0);
        }
        catch (TableFormatException e)
        {
            Assert.True(e.Line > 0);
        }
    }

    [Fact]
    public void Cp932Writer_WritesWhatTheReaderReadsBack()
    {
        using var buffer = new MemoryStream();
        using (var writer = TableFileWriter.Create(buffer, TableFormat.Csv, TableEncoding.ShiftJis, ["地域", "金額"], [ColumnKind.Text, ColumnKind.Text], "t"))
        {
            writer.Write(["札幌", "▲1,234"]);
            writer.Write(["髙岡①", null]);
        }
        var bytes = buffer.ToArray();

        Assert.Equal(TableEncoding.ShiftJis, TableEncodings.Detect(new MemoryStream(bytes)));
        var records = Read(bytes);
        Cells.Equal(["札幌", "▲1,234"], records[1].Cells);
        Cells.Equal(["髙岡①", null], records[2].Cells);
    }

    [Theory]
    [InlineData("plain 札幌", -1)]
    [InlineData("H19〜H23", 3)] // WAVE DASH: CP932 has only the full-width tilde ～
    [InlineData("a – b", 2)]
    [InlineData("𠮷野家", 0)]
    public void FirstUnencodable_FindsTheCharacterShiftJisLacks(string text, int index)
    {
        Assert.Equal(index, TableEncodings.FirstUnencodable(TableEncoding.ShiftJis, text));
        Assert.Equal(-1, TableEncodings.FirstUnencodable(TableEncoding.Utf8, text));
    }
}
