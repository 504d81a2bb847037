using System.Globalization;
using System.Text;
using ClusterAtlas.Japanese;

namespace ClusterAtlas.Fuzz.Targets;

/// <summary>
/// DigitRunSplitter: the first byte is the number of cells (0 included, to reach the argument check), each
/// following line one run, in year order. Expected: readings, or ArgumentException naming "run" or "parts"
/// (a run with other characters, a run with too many readings to review, parts ≤ 0).
/// Every reading must spell its run again, and every chosen combination must be non-decreasing.
/// </summary>
public static class DigitsTarget
{
    public static void Run(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0)
        {
            return;
        }

        int parts = data[0];
        var runs = FuzzInput.Text(data[1..]).Split('\n');
        try
        {
            foreach (var run in runs)
            {
                var splits = DigitRunSplitter.Splits(run, parts);
                var spelled = Spell(run);
                foreach (var split in splits)
                {
                    FuzzInput.Check(split.Count == parts, $"{split.Count} cells, asked for {parts}");
                    var again = string.Concat(split.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? "-"));
                    FuzzInput.Check(again == spelled, $"reading '{again}' does not spell run '{spelled}'");
                }
            }

            foreach (var rows in DigitRunSplitter.ChooseMonotonic(runs, parts))
            {
                FuzzInput.Check(rows.Length == runs.Length, $"{rows.Length} rows for {runs.Length} runs");
                CheckNonDecreasing(rows, parts);
            }
        }
        catch (ArgumentException e) when (e.ParamName is "run" or "parts")
        {
            // Documented: the input is not a run of digits and dashes, or parts is out of range.
        }
    }

    // The run as its readings write it: digits as they are, each no-data dash as '-'.
    private static string Spell(string run)
    {
        var builder = new StringBuilder();
        foreach (var c in run.Normalize(NormalizationForm.FormKC).Trim())
        {
            builder.Append(char.IsAsciiDigit(c) ? c : '-');
        }

        return builder.ToString();
    }

    private static void CheckNonDecreasing(int?[][] rows, int parts)
    {
        var latest = new int?[parts];
        foreach (var row in rows)
        {
            for (var column = 0; column < parts; column++)
            {
                FuzzInput.Check(row[column] is null || latest[column] is null || row[column] >= latest[column], $"column {column} decreases");
                latest[column] = row[column] ?? latest[column];
            }
        }
    }
}
