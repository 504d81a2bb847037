namespace ClusterAtlas.Transfer;

/// <summary>A whole one-sheet .xlsx in memory, for the portal's small table downloads (dumps stream with
/// <see cref="XlsxTableWriter"/>): text as inline strings, numbers as numbers.</summary>
public static class XlsxWriter
{
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new XlsxTableWriter(buffer, sheetName))
        {
            writer.WriteRow(header);
            foreach (var row in rows)
            {
                writer.WriteValues(row);
            }
        }
        return buffer.ToArray();
    }
}
