namespace ClusterAtlas.Transfer;

/// <summary>A problem with one cell (<paramref name="Column"/> = 0-based index, -1 for the whole record) that does not
/// stop the file from being read; the importer reports it as file:line:column: reason and reads on.</summary>
public sealed record CellProblem(int Column, string Reason, string? ColumnName = null);

/// <summary>
/// One record of a table file: the line (CSV/TSV: where the record starts; XLSX: the row number; JSON: the line of the
/// object) and its cells. A null cell is "no value"; "" is an empty text. <see cref="Problems"/> lists cells that could
/// not be read (bad bytes, a cell over the length limit …); those cells are null.
/// </summary>
public sealed record TableRecord(int Line, string?[] Cells, IReadOnlyList<CellProblem> Problems)
{
    public static readonly IReadOnlyList<CellProblem> NoProblems = [];

    /// <summary>Stands for a JSON member a record does not have (compared by reference), when the reader is asked to
    /// tell it from null (<see cref="TableReadOptions.MarkAbsent"/>): a per-table import keeps the stored value then.</summary>
    public static readonly string Absent = new(['\u0000', 'a', 'b', 's', 'e', 'n', 't']);
}

/// <summary>The file cannot be read past <see cref="Line"/> (1-based): an unclosed quote, a damaged zip, broken XML.</summary>
public sealed class TableFormatException(int line, string reason) : FormatException(line > 0 ? $"line {line}: {reason}" : reason)
{
    public int Line { get; } = line;

    public string Reason { get; } = reason;
}

/// <summary>Hard limits that keep hostile or broken files from exhausting memory; every limit hit is a clear error.</summary>
public sealed record TableLimits
{
    public static readonly TableLimits Default = new();

    /// <summary>Characters in one cell (1 MiB). Longer cells are reported and skipped, not buffered.</summary>
    public int MaxCellChars { get; init; } = 1 << 20;

    /// <summary>Characters in one record, all cells together (8 MiB).</summary>
    public int MaxRecordChars { get; init; } = 8 << 20;

    /// <summary>Cells in one record.</summary>
    public int MaxCells { get; init; } = 4096;

    /// <summary>XLSX: entries in the zip.</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>XLSX: bytes the parts we read may expand to, all together (2 GiB).</summary>
    public long MaxUncompressedBytes { get; init; } = 2L << 30;

    /// <summary>XLSX: an entry bigger than 1 MiB may expand at most this many times its compressed size. Real sheets
    /// compress 5–30×; a zip bomb (a gigabyte of zeros) compresses about 1000×.</summary>
    public int MaxCompressionRatio { get; init; } = 200;
}
