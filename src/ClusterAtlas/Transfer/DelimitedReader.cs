using System.Buffers;
using System.Globalization;
using System.Text;

namespace ClusterAtlas.Transfer;

/// <summary>
/// Streams CSV (RFC 4180) or TSV records from text, one buffer at a time, so memory does not grow with the file. The
/// one distinction the data needs: an empty unquoted cell is null, a quoted "" is an empty text. A quoted cell that
/// starts with an apostrophe guarding a formula character has it removed (see <see cref="FormulaGuard"/>).
/// TSV follows the same rules with a tab as separator, so tabs and line breaks inside a cell need quotes there too.
/// Cells over <see cref="TableLimits.MaxCellChars"/> are skipped and reported, never buffered; an unclosed quote or text
/// after a closing quote ends the file with a <see cref="TableFormatException"/>.
/// </summary>
public sealed class DelimitedReader(TextReader reader, char delimiter, TableLimits limits, string encodingName = "UTF-8")
{
    // Characters that are never text: C0 controls but tab/CR/LF, DEL and C1 controls (binary data, or a file read in the
    // wrong encoding), and the marker the decoder leaves for bytes it could not decode.
    private static readonly SearchValues<char> NotText = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000c\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"
        + "\u007f\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f"
        + TableEncodings.InvalidByteMarker);

    /// <summary>Index of the first character that is not text (a control character or undecodable bytes), or -1.</summary>
    public static int IndexOfNonText(ReadOnlySpan<char> text) => text.IndexOfAny(NotText);

    private readonly char[] buffer = new char[64 * 1024];
    private readonly StringBuilder cell = new();
    private readonly SearchValues<char> unquotedStops = SearchValues.Create([delimiter, '\r', '\n']);
    private int pos;
    private int len;
    private int line = 1;

    // State of the record being read.
    private int recordChars;
    private bool cellTooLong;
    private string? cellProblem;
    private string? tooLongReason;

    public IEnumerable<TableRecord> Records()
    {
        while (Peek() >= 0)
        {
            var start = line;
            var cells = new List<string?>();
            List<CellProblem>? problems = null;
            recordChars = 0;
            var anyQuoted = false;
            bool endOfRecord;
            do
            {
                cell.Clear();
                cellTooLong = false;
                cellProblem = null;
                var quoted = Peek() == '"';
                anyQuoted |= quoted;
                endOfRecord = quoted ? ReadQuoted(cells.Count) : ReadUnquoted();
                string? value = quoted ? FormulaGuard.Restore(cell.ToString()) : cell.Length == 0 ? null : cell.ToString();
                if (cellTooLong || cellProblem is not null)
                {
                    (problems ??= []).Add(new CellProblem(cells.Count, cellProblem ?? tooLongReason!));
                    value = null;
                }
                if (cells.Count < limits.MaxCells)
                {
                    cells.Add(value);
                }
                else if (cells.Count == limits.MaxCells && problems?.Any(p => p.Column == -1) != true)
                {
                    (problems ??= []).Add(new CellProblem(-1, string.Create(CultureInfo.InvariantCulture, $"more than {limits.MaxCells} cells in one record")));
                }
            }
            while (!endOfRecord);
            // A blank line is not a record (hand-edited files often end with a few).
            if (cells.Count == 1 && cells[0] is null && !anyQuoted && problems is null)
            {
                continue;
            }
            yield return new TableRecord(start, [.. cells], problems ?? TableRecord.NoProblems);
        }
    }

    /// <summary>Reads an unquoted cell up to the separator or the end of the line; true at the end of the record.</summary>
    private bool ReadUnquoted()
    {
        while (true)
        {
            if (pos >= len && !Fill())
            {
                return true;
            }
            var span = buffer.AsSpan(pos, len - pos);
            var stop = span.IndexOfAny(unquotedStops);
            var chunk = stop < 0 ? span : span[..stop];
            Append(chunk);
            pos += chunk.Length;
            if (stop < 0)
            {
                continue;
            }
            var c = buffer[pos++];
            if (c == delimiter)
            {
                return false;
            }
            EndLine(c);
            return true;
        }
    }

    /// <summary>Reads a quoted cell (the opening quote is next); true when the record ends after it.</summary>
    private bool ReadQuoted(int index)
    {
        var opened = line;
        var afterCr = false;
        pos++;
        while (true)
        {
            if (pos >= len && !Fill())
            {
                throw new TableFormatException(opened, "a quoted field is not closed before the end of the file");
            }
            var span = buffer.AsSpan(pos, len - pos);
            var quote = span.IndexOf('"');
            var chunk = quote < 0 ? span : span[..quote];
            line += LineEnds(chunk, ref afterCr);
            Append(chunk);
            pos += chunk.Length;
            if (quote < 0)
            {
                continue;
            }
            pos++;
            if (Peek() == '"')
            {
                pos++;
                Append("\"");
                afterCr = false;
                continue;
            }
            var next = Peek();
            if (next < 0)
            {
                return true;
            }
            if (next == delimiter)
            {
                pos++;
                return false;
            }
            if (next is '\r' or '\n')
            {
                pos++;
                EndLine((char)next);
                return true;
            }
            throw new TableFormatException(line, string.Create(CultureInfo.InvariantCulture, $"text after a closing quote in field {index + 1}"));
        }
    }

    /// <summary>Line ends inside a quoted cell: CR, LF and CRLF count once each, as between records; a CRLF may be
    /// split between two buffers (<paramref name="afterCr"/> carries the last character over).</summary>
    private static int LineEnds(ReadOnlySpan<char> chunk, ref bool afterCr)
    {
        if (chunk.IsEmpty)
        {
            return 0;
        }
        var ends = 0;
        if (chunk.IndexOf('\r') < 0)
        {
            ends = chunk.Count('\n') - (afterCr && chunk[0] == '\n' ? 1 : 0);
        }
        else
        {
            var previousCr = afterCr;
            foreach (var c in chunk)
            {
                ends += c == '\r' || (c == '\n' && !previousCr) ? 1 : 0;
                previousCr = c == '\r';
            }
        }
        afterCr = chunk[^1] == '\r';
        return ends;
    }

    /// <summary>After CR, LF or CRLF: the next line starts.</summary>
    private void EndLine(char c)
    {
        if (c == '\r' && Peek() == '\n')
        {
            pos++;
        }
        line++;
    }

    private void Append(ReadOnlySpan<char> chunk)
    {
        if (chunk.IsEmpty)
        {
            return;
        }
        if (cellProblem is null && chunk.IndexOfAny(NotText) is var bad and >= 0)
        {
            cellProblem = Describe(chunk[bad]);
        }
        recordChars += chunk.Length;
        if (cellTooLong)
        {
            return;
        }
        if (cell.Length + chunk.Length > limits.MaxCellChars || recordChars > limits.MaxRecordChars)
        {
            cellTooLong = true;
            tooLongReason = cell.Length + chunk.Length > limits.MaxCellChars
                ? string.Create(CultureInfo.InvariantCulture, $"the cell is longer than {limits.MaxCellChars:N0} characters")
                : string.Create(CultureInfo.InvariantCulture, $"the record is longer than {limits.MaxRecordChars:N0} characters");
            cell.Clear();
            return;
        }
        cell.Append(chunk);
    }

    private string Describe(char c) => c == TableEncodings.InvalidByteMarker
        ? $"bytes that are not valid {encodingName} text"
        : string.Create(CultureInfo.InvariantCulture, $"control character U+{(int)c:X4} (binary data, or the wrong encoding?)");

    private int Peek() => pos < len || Fill() ? buffer[pos] : -1;

    private bool Fill()
    {
        len = reader.Read(buffer, 0, buffer.Length);
        pos = 0;
        return len > 0;
    }
}
