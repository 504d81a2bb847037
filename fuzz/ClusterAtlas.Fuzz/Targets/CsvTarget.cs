using ClusterAtlas.Transfer;

namespace ClusterAtlas.Fuzz.Targets;

/// <summary>
/// The CSV reader over the bytes, opened as <c>atlas import</c> opens a table file (<see cref="TableFileReader"/>:
/// encoding detected — UTF-8 with or without BOM, else Shift_JIS; UTF-16 refused), reading every record. Expected:
/// records, or a <see cref="TableFormatException"/> with a line inside the file.
/// </summary>
public static class CsvTarget
{
    public static void Run(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        // LF, CRLF and a lone CR each end a line (CR and LF are never part of a UTF-8 or Shift_JIS multi-byte
        // character), so no line number can pass the last line.
        var lastLine = LineEnds(data) + 1;
        var previousLine = 0;
        try
        {
            foreach (var record in TableFileReader.Read(new MemoryStream(data), TableFormat.Csv, new TableReadOptions()))
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

    private static int LineEnds(byte[] data)
    {
        var ends = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == data.Length || data[i + 1] != '\n')))
            {
                ends++;
            }
        }
        return ends;
    }
}
