using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>The data behind a table as CSV (UTF-8 with BOM, so Excel reads Japanese) or JSON.</summary>
internal static class Downloads
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Japanese stays readable; the encoder still escapes < > & ' so the JSON is safe inside HTML too.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static FileContentResult Csv(DataTable table)
    {
        var withCites = HasCitations(table);
        var text = new StringBuilder();
        Line(text, Header(table, withCites));
        foreach (var row in table.Rows)
        {
            var cells = row.Select(c => c.Data).ToList();
            if (withCites)
            {
                cells.Add(Sources(row));
            }
            Line(text, cells);
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = table.Id + ".csv" };
    }

    /// <summary>The same rows as CSV, as a one-sheet Excel workbook; plain numbers stay numbers.</summary>
    public static FileContentResult Xlsx(DataTable table)
    {
        var withCites = HasCitations(table);
        var rows = table.Rows.Select(row =>
        {
            var cells = row.Select(c => (object?)(c.Numeric && decimal.TryParse(c.Data, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : c.Data)).ToList();
            if (withCites)
            {
                cells.Add(Sources(row));
            }
            return (IReadOnlyList<object?>)cells;
        });
        var bytes = ClusterAtlas.Transfer.XlsxWriter.Write(table.Id, Header(table, withCites), rows);
        return new FileContentResult(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = table.Id + ".xlsx" };
    }

    public static JsonResult JsonOf(DataTable table) => new(table.Json ?? new { table.Caption, table.Columns, Rows = table.Rows.Select(r => r.Select(c => c.Text)) }, Json);

    private static bool HasCitations(DataTable table) => table.Rows.Any(r => r.Any(c => c.Cites.Count > 0));

    /// <summary>The columns, plus one listing the source lines behind each row when any row cites.</summary>
    private static List<string> Header(DataTable table, bool withCites) =>
        withCites ? [.. table.Columns, "出典 / sources"] : [.. table.Columns];

    private static string Sources(IReadOnlyList<Cell> row) =>
        string.Join(" ", row.SelectMany(c => c.Cites).Select(c => PortalLinks.Citation(c)).Distinct(StringComparer.Ordinal));

    private static void Line(StringBuilder text, IReadOnlyList<string> cells)
    {
        text.AppendJoin(',', cells.Select(Field)).Append("\r\n");
    }

    private static string Field(string value)
    {
        // A cell a spreadsheet would run as a formula gets a leading apostrophe; signed numbers are data, not formulas.
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n'") >= 0 || value.Length == 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
