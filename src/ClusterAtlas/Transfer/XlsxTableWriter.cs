using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace ClusterAtlas.Transfer;

/// <summary>
/// Streams a one-sheet .xlsx (Office Open XML, no third-party package): rows go straight through an XmlWriter into the
/// zip entry, so memory does not grow with the row count. Text is written as inline strings, which a spreadsheet never
/// evaluates; text starting with = + - @ also gets Excel's quotePrefix style, so editing the cell keeps it text.
/// Numbers are written as numbers exactly as given. Characters XML cannot carry (control characters) are dropped.
/// </summary>
public sealed class XlsxTableWriter : IDisposable
{
    private const string TextGuardStyle = "1";

    // Zip entries carry a modification time; a fixed one makes the same rows give the same bytes (round trips compare them).
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ZipArchive zip;
    private readonly Stream sheetStream;
    private readonly XmlWriter sheet;
    private int rows;

    public XlsxTableWriter(Stream output, string sheetName)
    {
        zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{System.Security.SecurityElement.Escape(SheetName(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        // Style 1 = quotePrefix: what Excel itself sets when a cell is typed as 'text.
        Part("xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyAlignment="0"/></cellXfs></styleSheet>""");
        sheetStream = Entry("xl/worksheets/sheet1.xml").Open();
        sheet = XmlWriter.Create(sheetStream, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            // A carriage return inside a cell must survive: XML readers turn a literal CR into LF, &#xD; they keep.
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        });
        sheet.WriteStartDocument(true);
        sheet.WriteStartElement("worksheet", "http://schemas.openxmlformats.org/spreadsheetml/2006/main");
        sheet.WriteStartElement("sheetData");
    }

    /// <summary>One row; a cell is text, a number (written as a number when <paramref name="numeric"/> says so for its
    /// column and the text is a plain number), or null (no cell).</summary>
    public void WriteRow(IReadOnlyList<string?> cells, IReadOnlyList<bool>? numeric = null)
    {
        rows++;
        sheet.WriteStartElement("row");
        sheet.WriteAttributeString("r", rows.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < cells.Count; i++)
        {
            var value = cells[i];
            if (value is null)
            {
                continue;
            }
            sheet.WriteStartElement("c");
            sheet.WriteAttributeString("r", XlsxXml.ColumnName(i) + rows.ToString(CultureInfo.InvariantCulture));
            if (numeric is not null && i < numeric.Count && numeric[i] && IsPlainNumber(value))
            {
                sheet.WriteElementString("v", value);
            }
            else
            {
                WriteText(value);
            }
            sheet.WriteEndElement();
        }
        sheet.WriteEndElement();
    }

    /// <summary>One row of CLR values: int/long/decimal/double as numbers, everything else as text.</summary>
    public void WriteValues(IReadOnlyList<object?> cells)
    {
        var texts = new string?[cells.Count];
        var numeric = new bool[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            numeric[i] = cells[i] is int or long or decimal or double;
            texts[i] = cells[i] is null ? null : Convert.ToString(cells[i], CultureInfo.InvariantCulture);
        }
        WriteRow(texts, numeric);
    }

    private void WriteText(string value)
    {
        sheet.WriteAttributeString("t", "inlineStr");
        if (FormulaGuard.IsRisky(value))
        {
            sheet.WriteAttributeString("s", TextGuardStyle);
        }
        sheet.WriteStartElement("is");
        sheet.WriteStartElement("t");
        sheet.WriteAttributeString("xml", "space", null, "preserve");
        sheet.WriteString(XmlSafe(value));
        sheet.WriteEndElement();
        sheet.WriteEndElement();
    }

    /// <summary>A number as the dumps write it (invariant, optional sign and decimals); anything else stays text.</summary>
    private static bool IsPlainNumber(string text) =>
        text.Length is > 0 and < 40 && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
        && text[0] != '+' && text[^1] != '.' && text[0] != '.';

    /// <summary>XML 1.0 cannot carry control characters (other than tab, LF, CR) or lone surrogates: drop them.</summary>
    internal static string XmlSafe(string text)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!XmlConvert.IsXmlChar(c))
            {
                firstBad = i;
                break;
            }
        }
        if (firstBad < 0)
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private void Part(string name, string xml)
    {
        using var stream = Entry(name).Open();
        stream.Write(new UTF8Encoding(false).GetBytes(xml));
    }

    private ZipArchiveEntry Entry(string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = EntryTime;
        return entry;
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var cleaned = new string(name.Where(c => ":\\/?*[]".IndexOf(c, StringComparison.Ordinal) < 0).ToArray());
        return cleaned.Length == 0 ? "Sheet1" : cleaned[..Math.Min(31, cleaned.Length)];
    }

    public void Dispose()
    {
        sheet.WriteEndElement();
        sheet.WriteEndElement();
        sheet.WriteEndDocument();
        sheet.Dispose();
        sheetStream.Dispose();
        zip.Dispose();
    }
}
