using System.Globalization;
using System.Text;
using System.Xml;

namespace ClusterAtlas.Transfer;

/// <summary>
/// Streams the rows of the first worksheet of an .xlsx: shared strings, inline strings (rich-text runs joined, furigana
/// runs dropped), numbers as written, booleans as true/false, the stored result of formulas. The record's line is the
/// row number; rows after the first (the header) come padded to the header's width. A missing cell is null; Excel
/// error values, cells over the length limit and values right of the header are reported as cell problems.
/// </summary>
internal sealed class XlsxReader : IDisposable
{
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly XlsxPackage package;
    private readonly TableLimits limits;
    private readonly StringBuilder text = new();
    private List<string?> sharedStrings = [];
    private XmlReader? sheet;
    private string sheetPart = "xl/worksheets/sheet1.xml";
    private int lastRow;
    private int width = -1;

    private XlsxReader(XlsxPackage package, TableLimits limits)
    {
        this.package = package;
        this.limits = limits;
    }

    public static IEnumerable<TableRecord> Read(Stream stream, TableLimits limits)
    {
        using var reader = new XlsxReader(XlsxPackage.Open(stream, limits), limits);
        reader.Start();
        while (reader.Next() is { } record)
        {
            yield return record;
        }
    }

    private void Start() => Guard(() =>
    {
        var (sheetTarget, sharedTarget) = ReadWorkbook();
        sheetPart = sheetTarget ?? sheetPart;
        sharedStrings = ReadSharedStrings(sharedTarget ?? "xl/sharedStrings.xml");
        sheet = package.OpenXml(sheetPart) ?? throw new TableFormatException(0, "the XLSX file has no worksheet");
        if (!ToFollowing(sheet, "sheetData") || sheet.IsEmptyElement)
        {
            sheet = null; // An empty sheet: no rows.
        }
        return 0;
    });

    /// <summary>The next non-empty row, or null at the end of the sheet.</summary>
    private TableRecord? Next() => Guard(() =>
    {
        while (sheet is not null && sheet.Read())
        {
            if (sheet.NodeType == XmlNodeType.EndElement && sheet.LocalName == "sheetData")
            {
                break;
            }
            if (sheet.NodeType == XmlNodeType.Element && sheet.LocalName == "row")
            {
                var record = ReadRow();
                if (record is not null)
                {
                    return record;
                }
            }
        }
        return null;
    });

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e)
        {
            throw new TableFormatException(lastRow, $"{sheetPart}: broken XML ({e.Message})");
        }
        catch (InvalidDataException e)
        {
            throw new TableFormatException(lastRow, $"damaged zip data ({e.Message})");
        }
    }

    private TableRecord? ReadRow()
    {
        var r = sheet!;
        var row = int.TryParse(r.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : lastRow + 1;
        lastRow = row;
        var cells = new List<string?>();
        List<CellProblem>? problems = null;
        if (!r.IsEmptyElement)
        {
            var column = -1;
            while (r.Read() && !(r.NodeType == XmlNodeType.EndElement && r.LocalName == "row"))
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != "c")
                {
                    continue;
                }
                column = ColumnIndex(r.GetAttribute("r")) ?? column + 1;
                var (value, problem) = ReadCell();
                if (column >= limits.MaxCells)
                {
                    problem = value is null ? null : string.Create(CultureInfo.InvariantCulture, $"more than {limits.MaxCells} columns");
                    value = null;
                }
                if (problem is not null)
                {
                    (problems ??= []).Add(new CellProblem(Math.Min(column, limits.MaxCells), problem));
                }
                if (value is null)
                {
                    continue;
                }
                while (cells.Count <= column)
                {
                    cells.Add(null);
                }
                cells[column] = value;
            }
        }
        if (cells.Count == 0 && problems is null)
        {
            return null; // An empty row is not a record.
        }
        if (width < 0)
        {
            width = cells.Count;
        }
        else
        {
            for (var i = width; i < cells.Count; i++)
            {
                if (cells[i] is not null)
                {
                    (problems ??= []).Add(new CellProblem(-1, $"a value in column {ColumnName(i)}, right of the last header column"));
                    break;
                }
            }
            while (cells.Count < width)
            {
                cells.Add(null);
            }
            cells.RemoveRange(width, cells.Count - width);
        }
        return new TableRecord(row, [.. cells], problems ?? TableRecord.NoProblems);
    }

    /// <summary>The value of the &lt;c&gt; element the reader is on (and moves past it).</summary>
    private (string? Value, string? Problem) ReadCell()
    {
        var r = sheet!;
        var type = r.GetAttribute("t");
        if (r.IsEmptyElement)
        {
            return (null, null);
        }
        string? v = null, inline = null, problem = null;
        var formula = false;
        var depth = r.Depth;
        while (r.Read() && r.Depth > depth)
        {
            if (r.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (r.LocalName)
            {
                case "v":
                    (v, problem) = ReadText(problem);
                    break;
                case "is":
                    (inline, problem) = ReadRichText(problem);
                    break;
                case "f":
                    formula = true;
                    break;
            }
        }
        if (problem is not null)
        {
            return (null, problem);
        }
        switch (type)
        {
            case "inlineStr":
                return (inline ?? "", null);
            case "s":
                return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                    ? (sharedStrings[index], sharedStrings[index] is null ? TooLong() : null)
                    : (null, $"shared string {v} does not exist");
            case "b":
                return (v == "1" ? "true" : v == "0" ? "false" : v, null);
            case "e":
                return (null, $"the cell holds the spreadsheet error {v}");
        }
        if (formula && v is null)
        {
            return (null, "a formula with no stored result (recalculate and save the file in a spreadsheet)");
        }
        return (v, null);
    }

    /// <summary>Text of the current element (&lt;v&gt; or &lt;t&gt;), at most the cell limit.</summary>
    private (string? Text, string? Problem) ReadText(string? problem)
    {
        var r = sheet!;
        text.Clear();
        if (r.IsEmptyElement)
        {
            return ("", problem);
        }
        var tooLong = AppendContent(r, text);
        return tooLong ? (null, TooLong()) : (text.ToString(), problem);
    }

    /// <summary>&lt;is&gt; or &lt;si&gt;: the &lt;t&gt; texts, directly or in &lt;r&gt; runs, without &lt;rPh&gt; (furigana).</summary>
    private (string? Text, string? Problem) ReadRichText(string? problem) => ReadRichText(sheet!, problem);

    private (string? Text, string? Problem) ReadRichText(XmlReader r, string? problem)
    {
        text.Clear();
        if (r.IsEmptyElement)
        {
            return ("", problem);
        }
        var depth = r.Depth;
        var tooLong = false;
        r.Read();
        while (!r.EOF && r.Depth > depth)
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "rPh")
            {
                r.Skip(); // Skip leaves the reader on the node after </rPh>: look at it before reading on.
                continue;
            }
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "t" && !r.IsEmptyElement)
            {
                tooLong |= AppendContent(r, text);
            }
            r.Read();
        }
        return tooLong ? (null, TooLong()) : (text.ToString(), problem);
    }

    /// <summary>Appends the text inside the current element, in chunks, stopping at the cell limit; true when it was over.</summary>
    private bool AppendContent(XmlReader r, StringBuilder target)
    {
        var depth = r.Depth;
        var chunk = new char[4096];
        var over = false;
        while (r.Read() && r.Depth > depth)
        {
            if (r.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
            {
                continue;
            }
            int n;
            while ((n = r.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                if (!over && target.Length + n > limits.MaxCellChars)
                {
                    over = true;
                    target.Clear();
                }
                if (!over)
                {
                    target.Append(chunk, 0, n);
                }
            }
            // ReadValueChunk leaves the reader on the text node; the loop's Read moves on.
        }
        return over;
    }

    private string TooLong() => string.Create(CultureInfo.InvariantCulture, $"the cell is longer than {limits.MaxCellChars:N0} characters");

    /// <summary>The first sheet's part and the shared strings part, from the workbook and its relationships.</summary>
    private (string? Sheet, string? Shared) ReadWorkbook()
    {
        string? relId = null;
        using (var workbook = package.OpenXml("xl/workbook.xml"))
        {
            if (workbook is not null && ToFollowing(workbook, "sheet"))
            {
                relId = workbook.GetAttribute("id", RelNs) ?? AttributeByLocalName(workbook, "id");
            }
        }
        string? sheetTarget = null, sharedTarget = null;
        using var rels = package.OpenXml("xl/_rels/workbook.xml.rels");
        while (rels is not null && ToFollowing(rels, "Relationship"))
        {
            var target = rels.GetAttribute("Target");
            if (target is null)
            {
                continue;
            }
            var part = target.StartsWith('/') ? target[1..] : "xl/" + target;
            if (rels.GetAttribute("Id") == relId)
            {
                sheetTarget = part;
            }
            if (rels.GetAttribute("Type")?.EndsWith("/sharedStrings", StringComparison.Ordinal) == true)
            {
                sharedTarget = part;
            }
        }
        return (sheetTarget, sharedTarget);
    }

    private List<string?> ReadSharedStrings(string part)
    {
        var strings = new List<string?>();
        using var r = package.OpenXml(part);
        while (r is not null && ToFollowing(r, "si"))
        {
            var (value, _) = ReadRichText(r, null);
            strings.Add(value);
        }
        return strings;
    }

    /// <summary>Moves to the next element with this local name, whatever its namespace prefix (transitional or strict OOXML).</summary>
    private static bool ToFollowing(XmlReader r, string localName)
    {
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == localName)
            {
                return true;
            }
        }
        return false;
    }

    private static string? AttributeByLocalName(XmlReader r, string localName)
    {
        for (var ok = r.MoveToFirstAttribute(); ok; ok = r.MoveToNextAttribute())
        {
            if (r.LocalName == localName)
            {
                var value = r.Value;
                r.MoveToElement();
                return value;
            }
        }
        r.MoveToElement();
        return null;
    }

    /// <summary>"AB12" → 27; null when the reference is missing or not a cell reference.</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' && letters < 4)
            {
                index = index * 26 + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }
        return letters == 0 ? null : index - 1;
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    public void Dispose()
    {
        sheet?.Dispose();
        package.Dispose();
    }
}
