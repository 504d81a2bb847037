using System.Globalization;
using System.Text;

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

    /// <summary>
    /// Every way to cut <paramref name="run"/> into <paramref name="parts"/> cells of at most nine digits
    /// without leading zeros ("0" alone is a cell); each '－' is a no-data cell (null) of its own.
    /// </summary>
    /// <exception cref="ArgumentException">The run holds something other than digits and no-data dashes.</exception>
    public static IReadOnlyList<IReadOnlyList<int?>> Splits(string run, int parts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        var text = run.Normalize(NormalizationForm.FormKC).Trim();
        if (text.Any(c => !char.IsAsciiDigit(c) && !NoDataMarks.Contains(c, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{run}' holds characters other than digits and '－'.", nameof(run));
        }

        var results = new List<IReadOnlyList<int?>>();
        Cut(text, 0, parts, [], results);
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

    private static void Cut(string text, int position, int partsLeft, List<int?> cells, List<IReadOnlyList<int?>> results)
    {
        if (position == text.Length || partsLeft == 0)
        {
            if (position == text.Length && partsLeft == 0)
            {
                results.Add(cells.ToArray());
            }

            return;
        }

        if (!char.IsAsciiDigit(text[position]))
        {
            cells.Add(null);
            Cut(text, position + 1, partsLeft - 1, cells, results);
            cells.RemoveAt(cells.Count - 1);
            return;
        }

        // A leading zero is only allowed for the number 0 itself.
        var maxLength = text[position] == '0' ? 1 : MaxCellDigits;
        for (var length = 1; length <= maxLength && position + length <= text.Length; length++)
        {
            var cell = text.AsSpan(position, length);
            if (!char.IsAsciiDigit(cell[^1]))
            {
                break;
            }

            cells.Add(int.Parse(cell, NumberStyles.None, CultureInfo.InvariantCulture));
            Cut(text, position + length, partsLeft - 1, cells, results);
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
