namespace ClusterAtlas.Reconciliation;

/// <summary>
/// A position in a table: a cell (Row, Column), a row total (Row, null), a column total (null, Column) or the grand
/// total (null, null).
/// </summary>
public readonly record struct CellRef(string? Row, string? Column)
{
    public bool IsCell => Row is not null && Column is not null;

    public bool IsTotal => !IsCell;

    public static CellRef Cell(string row, string column) => new(row, column);

    public static CellRef RowTotal(string row) => new(row, null);

    public static CellRef ColumnTotal(string column) => new(null, column);

    public static CellRef GrandTotal => new(null, null);
}

/// <summary>What the source printed in a cell: a figure, nothing (blank, unreadable), or 「-」 (no data).</summary>
public enum CellState { Published, Blank, NoData }

public readonly record struct TableCell(CellState State, decimal? Value)
{
    public static TableCell Published(decimal value) => new(CellState.Published, value);

    public static TableCell Blank => new(CellState.Blank, null);

    public static TableCell NoData => new(CellState.NoData, null);
}

public sealed record TableAxis(string Key, string Label);

/// <summary>
/// The input of <see cref="TableReconciler"/>: rows × columns of cells plus the published totals. A body cell that
/// is never set counts as blank; a total that is never set does not exist (it constrains nothing), while a total set
/// to blank exists but was not printed (the engine derives it when it can).
/// </summary>
public sealed class ReconciliationTable
{
    private readonly Dictionary<CellRef, TableCell> cells = [];
    private readonly Dictionary<string, int> rowIndex;
    private readonly Dictionary<string, int> columnIndex;

    public ReconciliationTable(IReadOnlyList<TableAxis> rows, IReadOnlyList<TableAxis> columns)
    {
        Rows = rows;
        Columns = columns;
        rowIndex = rows.Select((r, i) => (r.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        columnIndex = columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>Rows in printed order: "neighbouring row" means the next or previous one in this list.</summary>
    public IReadOnlyList<TableAxis> Rows { get; }

    public IReadOnlyList<TableAxis> Columns { get; }

    /// <summary>The word for a total in labels ("医薬基盤研究所 計").</summary>
    public string TotalLabel { get; init; } = "計";

    /// <summary>Amounts cannot be negative (budgets): ranges start at 0 and a negative derived value is an inconsistency.</summary>
    public bool AssumeNonNegative { get; init; } = true;

    public ReconciliationTable Set(CellRef at, TableCell cell)
    {
        if ((at.Row is not null && !rowIndex.ContainsKey(at.Row)) || (at.Column is not null && !columnIndex.ContainsKey(at.Column)))
        {
            throw new ArgumentException($"{at} is outside the table.", nameof(at));
        }
        if (cell.State == CellState.Published && cell.Value is null)
        {
            throw new ArgumentException("A published cell needs a value.", nameof(cell));
        }
        cells[at] = cell;
        return this;
    }

    /// <summary>The cell as given; body cells that were never set are blank, totals that were never set are null.</summary>
    public TableCell? Get(CellRef at) => cells.TryGetValue(at, out var cell) ? cell : at.IsCell ? TableCell.Blank : null;

    public bool HasTotal(CellRef at) => cells.ContainsKey(at);

    public int RowIndex(string row) => rowIndex[row];

    public int ColumnIndex(string column) => columnIndex[column];

    public string Label(CellRef at) => (at.Row, at.Column) switch
    {
        (null, null) => TotalLabel,
        ({ } r, null) => $"{Rows[rowIndex[r]].Label} {TotalLabel}",
        (null, { } c) => $"{TotalLabel} {Columns[columnIndex[c]].Label}",
        ({ } r, { } c) => $"{Rows[rowIndex[r]].Label} {Columns[columnIndex[c]].Label}",
    };

    public string RowLabel(string row) => Rows[rowIndex[row]].Label;

    public string ColumnLabel(string column) => Columns[columnIndex[column]].Label;

    public IEnumerable<CellRef> BodyCells => Rows.SelectMany(r => Columns.Select(c => CellRef.Cell(r.Key, c.Key)));

    /// <summary>Every position the engine reports on: all body cells and the totals that exist.</summary>
    public IEnumerable<CellRef> AllPositions =>
        BodyCells.Concat(Rows.Select(r => CellRef.RowTotal(r.Key))).Concat(Columns.Select(c => CellRef.ColumnTotal(c.Key)))
            .Append(CellRef.GrandTotal).Where(at => at.IsCell || HasTotal(at));
}
