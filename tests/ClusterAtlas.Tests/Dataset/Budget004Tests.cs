using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace ClusterAtlas.Tests.Dataset;

/// <summary>budgets/004.json against its own totals and against the reconciliation in data/decoding/004.md.</summary>
public sealed class Budget004Tests
{
    private const string TotalRow = "cstp-cluster";
    private static readonly int[] Years = [2005, 2006, 2007]; // H17, H18, H19

    private sealed record BudgetRow(string Measure, Dictionary<int, DataObject> Cells, DataObject Total)
    {
        public bool AllYearsPublished => Years.All(y => Cells[y].Text("status") == "published");

        public decimal YearSum => Years.Sum(y => Cells[y].Number("amount") ?? 0m);

        public decimal TotalAmount => Total.Number("amount")!.Value;
    }

    private static List<BudgetRow> Rows()
    {
        var cells = DataFiles.Read("budgets", "004.json");
        return cells.GroupBy(c => c.Text("measure")!).Select(g =>
        {
            var total = Assert.Single(g, c => c.WholeNumber("fy") is null);
            var years = g.Where(c => c.WholeNumber("fy") is not null).ToDictionary(c => c.WholeNumber("fy")!.Value);
            Assert.Equal(Years, years.Keys.Order());
            return new BudgetRow(g.Key, years, total);
        }).ToList();
    }

    [Fact]
    public void RowSums_FullyPublishedRows_MatchTheirTotalsExceptTheRowsTheNotesCallInconsistent()
    {
        var rows = Rows();
        var measureRows = rows.Where(r => r.Measure != TotalRow).ToList();
        Assert.Equal(19, measureRows.Count);

        var fullyPublished = rows.Where(r => r.AllYearsPublished && r.Total.Text("status") == "published").ToList();
        var failing = fullyPublished.Where(r => r.YearSum != r.TotalAmount).Select(r => r.Measure).Order(StringComparer.Ordinal).ToList();

        var inconsistentInNotes = NotesRowDifferences().Where(d => d.Value != 0).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var expected = fullyPublished.Select(r => r.Measure).Where(inconsistentInNotes.Contains).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, failing);
        Assert.Equal(["kc"], failing); // 知的クラスター: 13,600 + 13,972 + 8,941 ≠ 41,023 (decoding/004.md §3.4)
        Assert.Contains(fullyPublished, r => r.Measure == TotalRow); // the 計 row itself adds up
        Assert.True(fullyPublished.Count >= 15, $"only {fullyPublished.Count} fully published rows");
    }

    [Fact]
    public void RowDifferences_EveryRowOfTheNotesTable_MatchesTheData()
    {
        var rows = Rows().ToDictionary(r => r.Measure, StringComparer.Ordinal);
        var notes = NotesRowDifferences();

        Assert.Equal(19, notes.Count);
        foreach (var (measure, difference) in notes)
        {
            var row = rows[measure];
            Assert.True(row.TotalAmount - row.YearSum == difference,
                $"{measure}: total {row.TotalAmount} − year cells {row.YearSum} = {row.TotalAmount - row.YearSum}, the notes say {difference}");
        }
    }

    [Fact]
    public void ColumnSums_H17_EqualTheTotalRowAndTheNotesStateEveryColumnGap()
    {
        var rows = Rows();
        var total = rows.Single(r => r.Measure == TotalRow);
        var measureRows = rows.Where(r => r.Measure != TotalRow).ToList();

        var h17 = measureRows.Sum(r => r.Cells[2005].Number("amount") ?? 0m);
        Assert.Equal(total.Cells[2005].Number("amount"), h17);
        Assert.Equal(70_599m, h17);

        // §3.2 of the notes: "| H18 | 65,220 | 81,535 | 16,315 |" — sums of the printed cells and the gaps.
        var section = Section(DataFiles.DecodingNotes("004.md"), "### 3.2", "### 3.3");
        var columns = Regex.Matches(section, @"^\| H(\d\d) \| ([\d,]+) \| ([\d,]+) \| ([\d,]+) \|", RegexOptions.Multiline);
        Assert.Equal(3, columns.Count);
        foreach (Match m in columns)
        {
            var fy = 1988 + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var sum = measureRows.Sum(r => r.Cells[fy].Number("amount") ?? 0m);
            Assert.Equal(Amount(m.Groups[2].Value), sum);
            Assert.Equal(Amount(m.Groups[3].Value), total.Cells[fy].Number("amount"));
            Assert.Equal(Amount(m.Groups[4].Value), total.Cells[fy].Number("amount") - sum);
        }
        // The 計 row is internally consistent.
        Assert.Equal(total.TotalAmount, total.YearSum);
    }

    [Fact]
    public void Cells_StatusAndAmount_Agree()
    {
        foreach (var cell in DataFiles.Read("budgets", "004.json"))
        {
            var status = cell.Text("status");
            var amount = cell.Number("amount");
            var text = cell.Text("publishedText")!;
            switch (status)
            {
                case "published":
                    Assert.NotNull(amount);
                    // The published text is the amount with (optional) thousands separators and spaces.
                    Assert.Equal(amount, Amount(text));
                    break;
                case "blank":
                    Assert.Null(amount);
                    Assert.Equal("", text);
                    break;
                case "no-data":
                    Assert.Null(amount);
                    Assert.StartsWith("-", text, StringComparison.Ordinal);
                    break;
                default:
                    Assert.Fail($"{cell.Where}: unknown status {status}");
                    break;
            }
        }
    }

    /// <summary>
    /// §3.1 of decoding/004.md: per source line, total − sum of the year cells as the notes print it; the line numbers
    /// are mapped to measure codes with the table of §1.
    /// </summary>
    private static Dictionary<string, decimal> NotesRowDifferences()
    {
        var notes = DataFiles.DecodingNotes("004.md");
        var codes = Regex.Matches(Section(notes, "## 1. Table layout", "## 2."), @"^\| (\d+) \| ([a-z0-9-]+)", RegexOptions.Multiline)
            .ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value);
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in Section(notes, "### 3.1", "### 3.2").Split('\n'))
        {
            var m = Regex.Match(line, @"^\| \**(\d+) ");
            if (!m.Success)
            {
                continue;
            }
            var cells = line.Trim().Trim('|').Split('|');
            var diff = cells[^1].Trim().Trim('*').Replace("+", "", StringComparison.Ordinal).Replace('−', '-');
            result.Add(codes[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)], Amount(diff));
        }
        return result;
    }

    private static string Section(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{from}' in the notes");
        var end = text.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static decimal Amount(string text) =>
        decimal.Parse(text.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
