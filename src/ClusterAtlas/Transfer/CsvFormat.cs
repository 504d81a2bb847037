using System.Text;

namespace ClusterAtlas.Transfer;

/// <summary>
/// RFC 4180 CSV with one distinction the data needs: an empty unquoted field is null, a quoted "" is an empty string.
/// Cells that a spreadsheet would run as a formula (= + - @ at the start) are written quoted and prefixed with ',
/// which the reader strips again, so a round trip is exact.
/// </summary>
public static class CsvFormat
{
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    private static string Cell(string? value)
    {
        if (value is null)
        {
            return "";
        }
        if (value.Length > 0 && "=+-@'".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Reads records; yields (line number where the record starts, cells) or throws <see cref="CsvFormatException"/> with the line.</summary>
    public static IEnumerable<(int Line, List<string?> Cells)> Read(TextReader reader)
    {
        var line = 1;
        while (reader.Peek() >= 0)
        {
            var start = line;
            var cells = new List<string?>();
            var cell = new StringBuilder();
            var quoted = false;
            var wasQuoted = false;
            while (true)
            {
                var c = reader.Read();
                if (c < 0)
                {
                    if (quoted)
                    {
                        throw new CsvFormatException(start, "a quoted field is not closed before the end of the file");
                    }
                    break;
                }
                var ch = (char)c;
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"') { reader.Read(); cell.Append('"'); }
                        else { quoted = false; }
                    }
                    else
                    {
                        if (ch == '\n') { line++; }
                        cell.Append(ch);
                    }
                    continue;
                }
                if (ch == '"' && cell.Length == 0 && !wasQuoted) { quoted = true; wasQuoted = true; continue; }
                if (ch == ',') { cells.Add(Finish(cell, wasQuoted)); cell.Clear(); wasQuoted = false; continue; }
                if (ch == '\r') { continue; }
                if (ch == '\n') { line++; break; }
                if (wasQuoted)
                {
                    throw new CsvFormatException(line, $"text after a closing quote in field {cells.Count + 1}");
                }
                cell.Append(ch);
            }
            cells.Add(Finish(cell, wasQuoted));
            yield return (start, cells);
        }
    }

    private static string? Finish(StringBuilder cell, bool wasQuoted)
    {
        if (!wasQuoted)
        {
            return cell.Length == 0 ? null : cell.ToString();
        }
        var text = cell.ToString();
        return text.Length > 1 && text[0] == '\'' && "=+-@'".Contains(text[1], StringComparison.Ordinal) ? text[1..] : text;
    }
}

/// <summary>The CSV text is malformed at <see cref="Line"/> (1-based); reading cannot continue past it.</summary>
public sealed class CsvFormatException(int line, string reason) : FormatException($"line {line}: {reason}")
{
    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
