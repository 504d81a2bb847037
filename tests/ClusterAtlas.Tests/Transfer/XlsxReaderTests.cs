using System.IO.Compression;
using System.Text;
using ClusterAtlas.Transfer;
using Xunit;

namespace ClusterAtlas.Tests.Transfer;

public sealed class XlsxReaderTests
{
    private static List<TableRecord> Read(byte[] bytes, TableLimits? limits = null) =>
        [.. TableFileReader.Read(new MemoryStream(bytes), TableFormat.Xlsx, new TableReadOptions { Limits = limits ?? TableLimits.Default })];

    private static byte[] Written(IReadOnlyList<string> header, params string?[][] rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = TableFileWriter.Create(buffer, TableFormat.Xlsx, TableEncoding.Utf8, header,
                   [.. header.Select(h => h == "Amount" ? ColumnKind.Number : ColumnKind.Text)], "Sheet"))
        {
            foreach (var row in rows)
            {
                writer.Write(row);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>An .xlsx put together by hand from its parts, as other spreadsheet programs write them.</summary>
    private static byte[] Zip(params (string Name, string Text)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }

    private const string Workbook = """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="データ" sheetId="1" r:id="rId7"/></sheets></workbook>""";
    private const string Rels = """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>""";

    [Fact]
    public void WrittenByTheWriter_ReadsBackEveryValueExactly()
    {
        string?[] tricky = ["1", "札幌\r\n道央", "", null, "=HYPERLINK(\"x\")", "  spaced  ", "-1234.5"];
        var bytes = Written(["Id", "NameJa", "Empty", "Missing", "Formula", "Spaces", "Amount"], tricky, ["2", "'quoted", "x", "y", "@cmd", "\t", "42"]);

        var records = Read(bytes);

        Assert.Equal(3, records.Count);
        Cells.Equal(["Id", "NameJa", "Empty", "Missing", "Formula", "Spaces", "Amount"], records[0].Cells);
        Cells.Equal(tricky, records[1].Cells);
        Cells.Equal(["2", "'quoted", "x", "y", "@cmd", "\t", "42"], records[2].Cells);
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Writer_FormulaLikeTextIsAnInlineStringWithQuotePrefixNumbersAreNumbers()
    {
        var bytes = Written(["Formula", "Amount"], ["=1+1", "-5"]);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = reader.ReadToEnd();
        Assert.Contains("<c r=\"A2\" t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">=1+1</t></is></c>", sheet, StringComparison.Ordinal);
        Assert.Contains("<c r=\"B2\"><v>-5</v></c>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public void HandMadeXlsx_SharedStringsFuriganaRichTextBooleansFormulasAndGaps()
    {
        var strings = """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
              <si><t>地域</t></si>
              <si><t>金額</t></si>
              <si><t>札幌</t><rPh sb="0" eb="2"><t>サッポロ</t></rPh><rPh sb="0" eb="1"><t>サツ</t></rPh><phoneticPr fontId="1"/></si>
              <si><r><rPr><b/></rPr><t>仙台</t></r><r><t xml:space="preserve"> 地域</t></r></si>
            </sst>
            """;
        var sheet = """
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
              <x:sheetData>
                <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>有効</x:t></x:is></x:c><x:c r="D1" t="str"><x:v>計算</x:v></x:c></x:row>
                <x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="B3"><x:v>70599</x:v></x:c><x:c r="C3" t="b"><x:v>1</x:v></x:c><x:c r="D3"><x:f>B3*2</x:f><x:v>141198</x:v></x:c></x:row>
                <x:row><x:c t="s"><x:v>3</x:v></x:c><x:c/><x:c t="b"><x:v>0</x:v></x:c></x:row>
                <x:row r="9"/>
                <x:row r="10"><x:c r="B10" t="e"><x:v>#N/A</x:v></x:c><x:c r="D10"><x:f>1/0</x:f></x:c></x:row>
              </x:sheetData>
            </x:worksheet>
            """;

        var records = Read(Zip(("xl/workbook.xml", Workbook), ("xl/_rels/workbook.xml.rels", Rels), ("xl/strings.xml", strings), ("xl/worksheets/data.xml", sheet)));

        Assert.Equal([1, 3, 4, 10], records.Select(r => r.Line));
        Cells.Equal(["地域", "金額", "有効", "計算"], records[0].Cells);
        Cells.Equal(["札幌", "70599", "true", "141198"], records[1].Cells);
        Cells.Equal(["仙台 地域", null, "false", null], records[2].Cells);
        Assert.Equal(2, records[3].Problems.Count);
        Assert.Contains("#N/A", records[3].Problems[0].Reason, StringComparison.Ordinal);
        Assert.Equal(1, records[3].Problems[0].Column);
        Assert.Contains("formula with no stored result", records[3].Problems[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueRightOfTheHeader_IsARecordProblem()
    {
        var sheet = """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>9</v></c></row></sheetData></worksheet>""";

        var records = Read(Zip(("xl/worksheets/sheet1.xml", sheet)));

        var problem = Assert.Single(records[1].Problems);
        Assert.Equal(-1, problem.Column);
        Assert.Contains("column C", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Id,Name\n1,x\n")]
    [InlineData("")]
    [InlineData("PK\u0003\u0004 but not really a zip at all")]
    public void NotAZip_ClearErrorNoOtherException(string content)
    {
        var e = Assert.Throws<TableFormatException>(() => Read(Encoding.UTF8.GetBytes(content)));

        Assert.Contains("XLSX", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedZip_ClearError()
    {
        var bytes = Written(["Id"], ["1"]);

        var e = Assert.Throws<TableFormatException>(() => Read(bytes[..(bytes.Length / 2)]));

        Assert.Contains("XLSX", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipBomb_GigabyteOfZeros_RefusedBeforeExpanding()
    {
        // One sheet entry that inflates to 1 GiB of zeros (about 1 MB compressed).
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 1024; i++)
            {
                stream.Write(zeros);
            }
        }
        Assert.True(buffer.Length < 8 << 20, $"compressed to {buffer.Length:N0} bytes");
        var before = GC.GetTotalAllocatedBytes();

        var e = Assert.Throws<TableFormatException>(() => Read(buffer.ToArray()));

        Assert.Contains("zip bomb", e.Reason, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 256 << 20, "the bomb was refused without inflating it");
    }

    [Fact]
    public void ZipThatUnderstatesItsSize_StoppedAtTheDeclaredSize()
    {
        var sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + string.Concat(Enumerable.Range(1, 20_000).Select(i => $"<row><c t=\"inlineStr\"><is><t>row {i}</t></is></c></row>")) + "</sheetData></worksheet>";
        var bytes = Zip(("xl/worksheets/sheet1.xml", sheet));
        // Rewrite the uncompressed size in the local and the central header to 1,000 bytes: a lie a bomb would tell.
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            var at = signature == 0x04034b50 ? i + 22 : signature == 0x02014b50 ? i + 24 : -1;
            if (at > 0)
            {
                BitConverter.GetBytes(1000u).CopyTo(bytes, at);
            }
        }

        // .NET's zip reader stops at the declared size (the XML then ends early); our own byte count is the second guard.
        var e = Assert.Throws<TableFormatException>(() => Read(bytes));

        Assert.True(e.Reason.Contains("beyond its declared size", StringComparison.Ordinal) || e.Reason.Contains("broken XML", StringComparison.Ordinal), e.Reason);
    }

    [Fact]
    public void ManyEntries_Refused()
    {
        var parts = Enumerable.Range(0, 30).Select(i => ($"junk/{i}.xml", "<a/>")).ToArray();

        var e = Assert.Throws<TableFormatException>(() => Read(Zip(parts), new TableLimits { MaxZipEntries = 20 }));

        Assert.Contains("30 entries", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentTypeDefinition_RefusedNoEntityExpansion()
    {
        var laughs = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>""";

        var e = Assert.Throws<TableFormatException>(() => Read(Zip(("xl/worksheets/sheet1.xml", laughs))));

        Assert.Contains("broken XML", e.Reason, StringComparison.Ordinal);
        Assert.Contains("DTD", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeCell_ReportedAsTooLongAndTheNextRowsStillRead()
    {
        var huge = new string('x', 3 << 20);
        var bytes = Written(["Id", "Text"], ["1", huge], ["2", "ok"]);

        var records = Read(bytes);

        Assert.Contains("longer than 1,048,576", Assert.Single(records[1].Problems).Reason, StringComparison.Ordinal);
        Cells.Equal(["2", "ok"], records[2].Cells);
    }

    [Fact]
    public void BrokenSheetXml_FormatErrorWithTheRowReached()
    {
        var sheet = """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>Id</t></is></c></row><row r="2"><c><v>1</v></row></sheetData></worksheet>""";

        var e = Assert.Throws<TableFormatException>(() => Read(Zip(("xl/worksheets/sheet1.xml", sheet))));

        Assert.Equal(2, e.Line);
        Assert.Contains("broken XML", e.Reason, StringComparison.Ordinal);
    }

    // Found by fuzzing (fuzz/crashes/xlsx): rows going back or a cell given twice would give records the wrong line
    // or silently replace a value; a header with no names gave records without cells.
    [Theory]
    [InlineData("""<row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c></row><row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>""", 3, "row 2 comes after row 3")]
    [InlineData("""<row r="0"><c r="A1" t="inlineStr"><is><t>Id</t></is></c></row>""", 0, "row number 0; rows are numbered from 1")]
    [InlineData("""<row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="A2"><v>2</v></c></row>""", 2, "cell A2 comes after column A")]
    [InlineData("""<row r="1"><c r="A1" t="e"><v>#REF!</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>""", 1, "the header row has no column names")]
    public void DisorderedRowsDuplicateCellsOrAnEmptyHeader_ClearErrorWithItsRow(string rows, int line, string reason)
    {
        var sheet = $"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>""";

        var e = Assert.Throws<TableFormatException>(() => Read(Zip(("xl/worksheets/sheet1.xml", sheet))));

        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }
}
