using System.Globalization;
using ClusterAtlas.Reconciliation;

namespace ClusterAtlas.Tests.Reconciliation;

/// <summary>
/// Writes a test table as it would be printed: a header of column keys ending in 計, one line per row ending in its
/// total, and a last line 計 with the column totals and the grand total. "?" = blank, "-" = 「-」 (no data),
/// "." = no total printed at all.
/// </summary>
internal static class TableText
{
    public static ReconciliationTable Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToList();
        var columns = lines[0][1..^1].Select(c => new TableAxis(c, c)).ToList();
        var body = lines.Skip(1).Where(l => l[0] != "計").ToList();
        var table = new ReconciliationTable([.. body.Select(l => new TableAxis(l[0], l[0]))], columns);
        foreach (var line in body)
        {
            for (var j = 0; j < columns.Count; j++)
            {
                Set(table, CellRef.Cell(line[0], columns[j].Key), line[j + 1]);
            }
            Set(table, CellRef.RowTotal(line[0]), line[^1]);
        }
        if (lines.Skip(1).FirstOrDefault(l => l[0] == "計") is { } totals)
        {
            for (var j = 0; j < columns.Count; j++)
            {
                Set(table, CellRef.ColumnTotal(columns[j].Key), totals[j + 1]);
            }
            Set(table, CellRef.GrandTotal, totals[^1]);
        }
        return table;
    }

    private static void Set(ReconciliationTable table, CellRef at, string text)
    {
        switch (text)
        {
            case ".":
                return;
            case "?":
                table.Set(at, TableCell.Blank);
                return;
            case "-":
                table.Set(at, TableCell.NoData);
                return;
            default:
                table.Set(at, TableCell.Published(decimal.Parse(text, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)));
                return;
        }
    }
}
