using System.Text;
using ClusterAtlas.Transfer;

namespace ClusterAtlas.Fuzz.Targets;

/// <summary>
/// The CSV reader (<see cref="DelimitedReader"/>) over the bytes, opened as <c>atlas import</c> opens a dump file
/// (UTF-8, BOM detection), reading every record. Expected: records, or a <see cref="TableFormatException"/> with a line
/// inside the file.
/// </summary>
public static class CsvTarget
{
    public static void Run(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var reader = new StreamReader(new MemoryStream(data), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        // Lines are counted by '\n' (CRLF and LF files), so no line number can pass the last line.
        var lastLine = data.Count(b => b == '\n') + 1;
        var previousLine = 0;
        try
        {
            foreach (var record in new DelimitedReader(reader, ',', TableLimits.Default).Records())
            {
                var (line, cells) = (record.Line, record.Cells);
                FuzzInput.Check(line > previousLine && line <= lastLine, $"record line {line} after line {previousLine}, last {lastLine}");
                FuzzInput.Check(cells.Length >= 1, "a record without cells");
                previousLine = line;
            }
        }
        catch (TableFormatException e)
        {
            // Import reports "file:line: reason", so the line must point into the record being read.
            FuzzInput.Check(e.Line > previousLine && e.Line <= lastLine, $"error line {e.Line} after record line {previousLine}, last {lastLine}");
        }
    }
}
