using System.Buffers;

namespace ClusterAtlas.Transfer;

/// <summary>
/// Writes what <see cref="DelimitedReader"/> reads: records ending in LF; null as an empty unquoted cell, text quoted
/// (CSV: always, as the dumps always did; TSV: only when it must be, so a plain TSV stays plain). Text a spreadsheet would
/// run as a formula is quoted with a guarding apostrophe (<see cref="FormulaGuard"/>).
/// </summary>
public sealed class DelimitedWriter(TextWriter writer, char delimiter, bool quoteAll)
{
    private readonly SearchValues<char> needsQuotes = SearchValues.Create([delimiter, '"', '\r', '\n']);

    public void WriteRecord(IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(delimiter);
            }
            WriteCell(cells[i]);
        }
        writer.Write('\n');
    }

    private void WriteCell(string? value)
    {
        if (value is null)
        {
            return;
        }
        var guarded = FormulaGuard.NeedsGuard(value);
        if (!quoteAll && !guarded && value.Length > 0 && value.AsSpan().IndexOfAny(needsQuotes) < 0)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        if (guarded)
        {
            writer.Write('\'');
        }
        var rest = value.AsSpan();
        for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            writer.Write(rest[..(quote + 1)]);
            writer.Write('"');
            rest = rest[(quote + 1)..];
        }
        writer.Write(rest);
        writer.Write('"');
    }
}
