using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ClusterAtlas.Transfer;

/// <summary>
/// Streams a JSON dump file: a JSON array written one object per line ("[", one record per line, "]"), as
/// <see cref="TableFileWriter"/> writes it. The first record yielded is the header (the table's columns); each object's
/// members are placed under it, a missing member is null, an unknown member is reported. Lines are read with the
/// record length limit, so a huge line is reported and skipped rather than loaded.
/// </summary>
internal sealed class JsonRecordsReader(TextReader reader, IReadOnlyList<string> columns, TableLimits limits, bool markAbsent = false)
{
    private readonly char[] buffer = new char[64 * 1024];
    private readonly StringBuilder lineText = new();
    private int pos;
    private int len;
    private int line;

    public IEnumerable<TableRecord> Records()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            index[columns[i]] = i;
        }
        if (ReadLine(out var tooLong) is not "[" || tooLong)
        {
            throw new TableFormatException(1, "expected a JSON array written one record per line");
        }
        yield return new TableRecord(1, [.. columns], TableRecord.NoProblems);
        while (true)
        {
            var text = ReadLine(out tooLong);
            if (text is null)
            {
                throw new TableFormatException(line, "the JSON array is not closed with ] (the file is cut short?)");
            }
            if (text == "]")
            {
                if (ReadLine(out _) is { } after && after.Length > 0)
                {
                    throw new TableFormatException(line, "text after the closing ]");
                }
                yield break;
            }
            yield return tooLong
                ? new TableRecord(line, [], [new CellProblem(-1, string.Create(CultureInfo.InvariantCulture, $"the record is longer than {limits.MaxRecordChars:N0} characters"))])
                : Parse(text, index);
        }
    }

    private TableRecord Parse(string text, Dictionary<string, int> index)
    {
        var json = text.EndsWith(',') ? text[..^1] : text;
        var cells = new string?[columns.Count];
        if (markAbsent)
        {
            Array.Fill(cells, TableRecord.Absent);
        }
        List<CellProblem>? problems = null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var member in doc.RootElement.EnumerateObject())
            {
                if (!index.TryGetValue(member.Name, out var i))
                {
                    (problems ??= []).Add(new CellProblem(-1, "unknown column", member.Name));
                    continue;
                }
                var value = TransferTables.FromJson(member.Value);
                if (value is not null && value.Length > limits.MaxCellChars)
                {
                    (problems ??= []).Add(new CellProblem(i, string.Create(CultureInfo.InvariantCulture, $"the cell is longer than {limits.MaxCellChars:N0} characters")));
                    continue;
                }
                cells[i] = value;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return new TableRecord(line, [], [new CellProblem(-1, $"not a JSON object ({e.Message})")]);
        }
        return new TableRecord(line, cells, problems ?? TableRecord.NoProblems);
    }

    /// <summary>The next line without its end (null at the end of the file); over the limit, the rest is skipped.</summary>
    private string? ReadLine(out bool tooLong)
    {
        lineText.Clear();
        tooLong = false;
        if (pos >= len && !Fill())
        {
            return null;
        }
        line++;
        while (true)
        {
            if (pos >= len && !Fill())
            {
                break;
            }
            var span = buffer.AsSpan(pos, len - pos);
            var end = span.IndexOfAny('\n', '\r');
            var chunk = end < 0 ? span : span[..end];
            if (!tooLong && lineText.Length + chunk.Length > limits.MaxRecordChars)
            {
                tooLong = true;
                lineText.Clear();
            }
            if (!tooLong)
            {
                lineText.Append(chunk);
            }
            pos += chunk.Length;
            if (end >= 0)
            {
                var c = buffer[pos++];
                if (c == '\r' && (pos < len || Fill()) && buffer[pos] == '\n')
                {
                    pos++;
                }
                break;
            }
        }
        return lineText.ToString();
    }

    private bool Fill()
    {
        len = reader.Read(buffer, 0, buffer.Length);
        pos = 0;
        return len > 0;
    }
}
