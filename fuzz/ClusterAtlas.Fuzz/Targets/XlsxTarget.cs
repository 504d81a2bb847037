using ClusterAtlas.Transfer;

namespace ClusterAtlas.Fuzz.Targets;

/// <summary>
/// The XLSX reader over the bytes as a workbook file (a zip of XML parts), reading every record of the first sheet.
/// Expected: records with rising row numbers, or a <see cref="TableFormatException"/> (not a zip, damaged zip, zip
/// bomb, DTD, broken XML, limits). Anything else — an exception from System.IO.Compression or XmlReader leaking out,
/// or rows going backwards — is a crash.
/// </summary>
public static class XlsxTarget
{
    public static void Run(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var previousLine = 0;
        try
        {
            foreach (var record in TableFileReader.Read(new MemoryStream(data), TableFormat.Xlsx, new TableReadOptions()))
            {
                FuzzInput.Check(record.Line > previousLine, $"row {record.Line} after row {previousLine}");
                FuzzInput.Check(record.Cells.Length >= 1, "a record without cells");
                previousLine = record.Line;
            }
        }
        catch (TableFormatException)
        {
            // The documented outcome for a file that is not a readable workbook.
        }
    }
}
