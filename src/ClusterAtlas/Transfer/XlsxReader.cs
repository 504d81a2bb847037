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
        if (!XlsxXml.ToFollowing(sheet, "sheetData") || sheet.IsEmptyElement)
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
        // Excel writes rows in ascending order from 1; a file that goes back would give two records one line number
        // (and errors pointing at the wrong row), so it is refused rather than read in a guessed order.
        if (row <= lastRow)
        {
            throw new TableFormatException(lastRow, row < 1
                ? string.Create(CultureInfo.InvariantCulture, $"{sheetPart}: row number {row}; rows are numbered from 1")
                : string.Create(CultureInfo.InvariantCulture, $"{sheetPart}: row {row} comes after row {lastRow}; rows must be in ascending order from 1"));
        }
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
                var previous = column;
                column = XlsxXml.ColumnIndex(r.GetAttribute("r")) ?? column + 1;
                if (column <= previous)
                {
                    // A second value for a cell already read would silently replace the first.
                    throw new TableFormatException(row, string.Create(CultureInfo.InvariantCulture,
                        $"{sheetPart}: cell {XlsxXml.ColumnName(column)}{row} comes after column {XlsxXml.ColumnName(previous)}; cells must be in ascending order"));
                }
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
            if (cells.Count == 0)
            {
                throw new TableFormatException(row, $"the header row has no column names ({problems![0].Reason})");
            }
            width = cells.Count;
        }
        else
        {
            for (var i = width; i < cells.Count; i++)
            {
                if (cells[i] is not null)
                {
                    (problems ??= []).Add(new CellProblem(-1, $"a value in column {XlsxXml.ColumnName(i)}, right of the last header column"));
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
        string? v = null, inline = null;
        var formula = false;
        var tooLong = false;
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
                    v = XlsxXml.ReadText(r, text, limits.MaxCellChars);
                    tooLong |= v is null;
                    break;
                case "is":
                    inline = XlsxXml.ReadRichText(r, text, limits.MaxCellChars);
                    tooLong |= inline is null;
                    break;
                case "f":
                    formula = true;
                    break;
            }
        }
        if (tooLong)
        {
            return (null, TooLong());
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

    private string TooLong() => string.Create(CultureInfo.InvariantCulture, $"the cell is longer than {limits.MaxCellChars:N0} characters");

    /// <summary>The first sheet's part and the shared strings part, from the workbook and its relationships.</summary>
    private (string? Sheet, string? Shared) ReadWorkbook()
    {
        string? relId = null;
        using (var workbook = package.OpenXml("xl/workbook.xml"))
        {
            if (workbook is not null && XlsxXml.ToFollowing(workbook, "sheet"))
            {
                relId = workbook.GetAttribute("id", RelNs) ?? XlsxXml.AttributeByLocalName(workbook, "id");
            }
        }
        string? sheetTarget = null, sharedTarget = null;
        using var rels = package.OpenXml("xl/_rels/workbook.xml.rels");
        while (rels is not null && XlsxXml.ToFollowing(rels, "Relationship"))
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

    /// <summary>The shared strings (null for one over the cell limit); they are bounded by the package's byte budget.</summary>
    private List<string?> ReadSharedStrings(string part)
    {
        var strings = new List<string?>();
        using var r = package.OpenXml(part);
        while (r is not null && XlsxXml.ToFollowing(r, "si"))
        {
            strings.Add(XlsxXml.ReadRichText(r, text, limits.MaxCellChars));
        }
        return strings;
    }

    public void Dispose()
    {
        sheet?.Dispose();
        package.Dispose();
    }
}
