namespace ClusterAtlas.Transfer;

/// <summary>How to read a table file: the encoding (CSV/TSV; null = detect), the limits, and for JSON the columns.</summary>
public sealed record TableReadOptions
{
    public TableEncoding? Encoding { get; init; }

    public TableLimits Limits { get; init; } = TableLimits.Default;

    /// <summary>JSON files carry names per record; the reader lays them out under these columns (its header).</summary>
    public IReadOnlyList<string> JsonColumns { get; init; } = [];

    /// <summary>JSON: a member a record lacks comes as <see cref="TableRecord.Absent"/> instead of null.</summary>
    public bool MarkAbsent { get; init; }
}

/// <summary>
/// Reads any table file as a stream of records whose first record is the header: CSV, TSV (UTF-8 with or without BOM,
/// or Shift_JIS/CP932), XLSX (first sheet) and JSON dumps. Structural damage ends the stream with a
/// <see cref="TableFormatException"/>; damage to single cells comes as <see cref="TableRecord.Problems"/>.
/// </summary>
public static class TableFileReader
{
    /// <summary>Reads <paramref name="stream"/> (and disposes it unless <paramref name="leaveOpen"/>). CSV/TSV with no
    /// encoding given are scanned once to detect it, and XLSX is a zip: both need a seekable stream.</summary>
    public static IEnumerable<TableRecord> Read(Stream stream, TableFormat format, TableReadOptions options,
        Action<TableEncoding>? detected = null, bool leaveOpen = false)
    {
        using (leaveOpen ? null : stream)
        {
            var records = format switch
            {
                TableFormat.Xlsx => XlsxReader.Read(stream, options.Limits),
                TableFormat.Json => new JsonRecordsReader(Text(stream, TableEncoding.Utf8), options.JsonColumns, options.Limits, options.MarkAbsent).Records(),
                _ => Delimited(stream, format, options, detected),
            };
            foreach (var record in records)
            {
                yield return record;
            }
        }
    }

    private static IEnumerable<TableRecord> Delimited(Stream stream, TableFormat format, TableReadOptions options, Action<TableEncoding>? detected)
    {
        var encoding = options.Encoding;
        if (encoding is null)
        {
            encoding = TableEncodings.Detect(stream);
            stream.Position = 0;
            detected?.Invoke(encoding.Value);
        }
        var name = encoding == TableEncoding.ShiftJis ? "Shift_JIS" : "UTF-8";
        return new DelimitedReader(Text(stream, encoding.Value), format == TableFormat.Tsv ? '\t' : ',', options.Limits, name).Records();
    }

    // In UTF-8 a byte order mark is skipped; Shift_JIS has none.
    private static StreamReader Text(Stream stream, TableEncoding encoding) =>
        new(stream, TableEncodings.ForReading(encoding), detectEncodingFromByteOrderMarks: encoding == TableEncoding.Utf8, bufferSize: 64 * 1024, leaveOpen: true);
}
