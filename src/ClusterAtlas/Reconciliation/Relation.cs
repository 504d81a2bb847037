namespace ClusterAtlas.Reconciliation;

internal enum RelationKind { Row, Column, GrandByRows, GrandByColumns, RowsVsColumns }

/// <summary>
/// One published relation: Σ Left = Σ Right, e.g. the cells of a row = its row total. <see cref="Line"/> is the row
/// or column key for row and column relations.
/// </summary>
internal sealed record Relation(RelationKind Kind, string Name, string Basis, string What, string? Line, IReadOnlyList<CellRef> Left, IReadOnlyList<CellRef> Right)
{
    public IEnumerable<CellRef> Members => Left.Concat(Right);

    /// <summary>
    /// The relations a table publishes: every row and column with a total, and the grand total as the sum of the
    /// row totals and of the column totals. A line without a total enters the grand-total sums with its cells.
    /// Without a grand total, the row totals must still add up to the same as the column totals.
    /// </summary>
    public static List<Relation> Of(ReconciliationTable table)
    {
        var relations = new List<Relation>();
        foreach (var row in table.Rows.Where(r => table.HasTotal(CellRef.RowTotal(r.Key))))
        {
            relations.Add(new(RelationKind.Row, $"row {row.Label}", "row total", "cells", row.Key,
                [.. table.Columns.Select(c => CellRef.Cell(row.Key, c.Key))], [CellRef.RowTotal(row.Key)]));
        }
        foreach (var column in table.Columns.Where(c => table.HasTotal(CellRef.ColumnTotal(c.Key))))
        {
            relations.Add(new(RelationKind.Column, $"column {column.Label}", "column total", "cells", column.Key,
                [.. table.Rows.Select(r => CellRef.Cell(r.Key, column.Key))], [CellRef.ColumnTotal(column.Key)]));
        }
        var byRows = table.Rows.SelectMany(r => table.HasTotal(CellRef.RowTotal(r.Key))
            ? [CellRef.RowTotal(r.Key)] : table.Columns.Select(c => CellRef.Cell(r.Key, c.Key))).ToList();
        var byColumns = table.Columns.SelectMany(c => table.HasTotal(CellRef.ColumnTotal(c.Key))
            ? [CellRef.ColumnTotal(c.Key)] : table.Rows.Select(r => CellRef.Cell(r.Key, c.Key))).ToList();
        if (table.HasTotal(CellRef.GrandTotal))
        {
            relations.Add(new(RelationKind.GrandByRows, "sum of the row totals", "grand total", "row totals", null, byRows, [CellRef.GrandTotal]));
            relations.Add(new(RelationKind.GrandByColumns, "sum of the column totals", "grand total", "column totals", null, byColumns, [CellRef.GrandTotal]));
        }
        else if (byRows.Any(p => p.IsTotal) && byColumns.Any(p => p.IsTotal))
        {
            // A cell of a row and a column that both lack a total is on both sides: it cancels out.
            var both = byRows.Intersect(byColumns).ToHashSet();
            relations.Add(new(RelationKind.RowsVsColumns, "row totals against column totals", "sum of the column totals", "row totals", null,
                [.. byRows.Where(p => !both.Contains(p))], [.. byColumns.Where(p => !both.Contains(p))]));
        }
        return relations;
    }
}
