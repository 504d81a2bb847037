using System.Globalization;

namespace ClusterAtlas.Japanese;

/// <summary>
/// PDF-to-text merges a table row into one digit run ("5679274071727" = four cells). This enumerates
/// the readings of a run and keeps those that fit a trend, so a human only reviews what stays ambiguous.
/// </summary>
public static class DigitRunSplitter
{
    // Extraction writes a no-data cell as a dash; it is a cell of its own (null), never part of a number.
    private const string NoDataMarks = "－-―—−";

    // int.MaxValue has 10 digits; a 10-digit cell is not a count in these tables anyway.
    private const int MaxCellDigits = 9;

    /// <summary>More cells than any merged table row has; it also bounds the recursion, one frame per cell.</summary>
    public const int MaxParts = 64;

    /// <summary>
    /// More readings than a human can review. The count grows exponentially with the run (a 40-digit run has
    /// millions of 8-cell readings), so a hostile run would otherwise take minutes and gigabytes.
    /// </summary>
    public const int MaxReadings = 10_000;

    /// <summary>
    /// Every way to cut <paramref name="run"/> into <paramref name="parts"/> cells of at most nine digits
    /// without leading zeros ("0" alone is a cell); each '－' is a no-data cell (null) of its own.
    /// </summary>
    /// <exception cref="ArgumentException">The run holds something other than digits and no-data dashes, or it has
    /// more than <see cref="MaxReadings"/> readings.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is not 1 to <see cref="MaxParts"/>.</exception>
    public static IReadOnlyList<IReadOnlyList<int?>> Splits(string run, int parts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parts, MaxParts);
        var text = JapaneseText.Nfkc(run).Trim();
        if (text.Any(c => !char.IsAsciiDigit(c) && !NoDataMarks.Contains(c, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{run}' holds characters other than digits and '－'.", nameof(run));
        }

        // Every cell takes 1 to 9 characters, so other lengths have no reading (and no table is built for them).
        if (text.Length < parts || text.Length > parts * MaxCellDigits)
        {
            return [];
        }

        var readings = CountReadings(text, parts);
        if (readings[0, parts] > MaxReadings)
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"'{run}' has more than {MaxReadings} readings as {parts} cells; split it by hand first."), nameof(run));
        }

        var results = new List<IReadOnlyList<int?>>();
        Cut(text, 0, parts, readings, [], results);
        return results;
    }

    /// <summary>
    /// Picks one split per run (runs in year order) so that every column is non-decreasing over the
    /// years, skipping no-data cells. Returns every such combination: one array of rows, one row per run.
    /// The optional row rule checks each row alone (e.g. "people ≥ institutions") to narrow the choice.
    /// </summary>
    public static IReadOnlyList<int?[][]> ChooseMonotonic(
        IReadOnlyList<string> runsInYearOrder, int parts, Func<IReadOnlyList<int?>, bool>? rowRule = null)
    {
        ArgumentNullException.ThrowIfNull(runsInYearOrder);
        var candidates = runsInYearOrder
            .Select(run => Splits(run, parts).Where(row => rowRule?.Invoke(row) ?? true).ToList())
            .ToList();

        var results = new List<int?[][]>();
        Choose(candidates, 0, new int?[parts], [], results);
        return results;
    }

    // readings[position, partsLeft] counts the readings of text[position..] as partsLeft cells (capped just past
    // MaxReadings so it cannot overflow); Cut uses it to skip every branch that leads to no reading.
    private static long[,] CountReadings(string text, int parts)
    {
        var readings = new long[text.Length + 1, parts + 1];
        readings[text.Length, 0] = 1;
        for (var position = text.Length - 1; position >= 0; position--)
        {
            var lengths = CellLengths(text, position).ToArray();
            for (var partsLeft = 1; partsLeft <= parts; partsLeft++)
            {
                long sum = 0;
                foreach (var length in lengths)
                {
                    sum = Math.Min(sum + readings[position + length, partsLeft - 1], MaxReadings + 1L);
                }

                readings[position, partsLeft] = sum;
            }
        }

        return readings;
    }

    // The lengths a cell starting at position can have: 1 for a dash or a 0, else 1–9 digits up to the next dash.
    private static IEnumerable<int> CellLengths(string text, int position)
    {
        var maxLength = !char.IsAsciiDigit(text[position]) || text[position] == '0' ? 1 : MaxCellDigits;
        for (var length = 1; length <= maxLength && position + length <= text.Length && (length == 1 || char.IsAsciiDigit(text[position + length - 1])); length++)
        {
            yield return length;
        }
    }

    private static void Cut(string text, int position, int partsLeft, long[,] readings, List<int?> cells, List<IReadOnlyList<int?>> results)
    {
        if (readings[position, partsLeft] == 0)
        {
            return;
        }

        if (partsLeft == 0)
        {
            results.Add(cells.ToArray());
            return;
        }

        foreach (var length in CellLengths(text, position))
        {
            var cell = text.AsSpan(position, length);
            cells.Add(char.IsAsciiDigit(cell[0]) ? int.Parse(cell, NumberStyles.None, CultureInfo.InvariantCulture) : null);
            Cut(text, position + length, partsLeft - 1, readings, cells, results);
            cells.RemoveAt(cells.Count - 1);
        }
    }

    // Depth-first over the runs, carrying each column's latest known value, so a violating prefix is pruned
    // at once instead of building the full cartesian product (220⁴ for four 13-digit runs).
    private static void Choose(List<List<IReadOnlyList<int?>>> candidates, int index, int?[] latest, List<int?[]> chosen, List<int?[][]> results)
    {
        if (index == candidates.Count)
        {
            results.Add([.. chosen]);
            return;
        }

        foreach (var row in candidates[index])
        {
            if (!Fits(row, latest))
            {
                continue;
            }

            var next = latest.Select((value, column) => row[column] ?? value).ToArray();
            chosen.Add([.. row]);
            Choose(candidates, index + 1, next, chosen, results);
            chosen.RemoveAt(chosen.Count - 1);
        }
    }

    private static bool Fits(IReadOnlyList<int?> row, int?[] latest)
    {
        for (var column = 0; column < latest.Length; column++)
        {
            if (row[column] is int value && latest[column] is int previous && value < previous)
            {
                return false;
            }
        }

        return true;
    }
}
