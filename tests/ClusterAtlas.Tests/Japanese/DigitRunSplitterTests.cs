using System.Globalization;
using ClusterAtlas.Japanese;
using Xunit;

namespace ClusterAtlas.Tests.Japanese;

public class DigitRunSplitterTests
{
    // Seed 003 (知的クラスター創成事業 第I期): 参画機関数 / 参画者数 rows for H14 … H18, as extracted.
    private static readonly string[] SeedRuns = ["166－105－", "2634071791004", "5016293761516", "5388064001633", "5679274071727"];

    private static readonly int?[][] SeedAnswer =
    [
        [166, null, 105, null],
        [263, 407, 179, 1004],
        [501, 629, 376, 1516],
        [538, 806, 400, 1633],
        [567, 927, 407, 1727],
    ];

    // Participants (columns 2 and 4) cannot be fewer than the institutions they belong to (columns 1 and 3).
    private static bool PeopleAtLeastInstitutions(IReadOnlyList<int?> row) =>
        (row[1] is null || row[0] is null || row[1] >= row[0]) && (row[3] is null || row[2] is null || row[3] >= row[2]);

    [Fact]
    public void Splits_SeedRunIntoFour_IncludesPublishedCells()
    {
        var splits = DigitRunSplitter.Splits("2634071791004", 4);
        Assert.Contains(splits, s => s.SequenceEqual(new int?[] { 263, 407, 179, 1004 }));
    }

    [Fact]
    public void Splits_RunWithNoDataMarks_HasExactlyOneReading()
    {
        var split = Assert.Single(DigitRunSplitter.Splits("166－105－", 4));
        Assert.Equal(new int?[] { 166, null, 105, null }, split);
    }

    [Theory]
    [InlineData("2634071791004")]
    [InlineData("5016293761516")]
    [InlineData("5388064001633")]
    [InlineData("5679274071727")]
    [InlineData("1000000")]
    public void Splits_FourPartRun_MatchesBruteForceOverCutPositions(string run)
    {
        var expected = BruteForceFourCuts(run);
        var actual = DigitRunSplitter.Splits(run, 4).Select(Format).ToHashSet();
        Assert.Equal(expected.Count, DigitRunSplitter.Splits(run, 4).Count);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("123", 2, "1,23|12,3")]
    [InlineData("１２３", 2, "1,23|12,3")]
    [InlineData("100", 2, "10,0")]
    [InlineData("105", 2, "10,5")]
    [InlineData("000", 3, "0,0,0")]
    [InlineData("1－2", 3, "1,null,2")]
    [InlineData("－－", 2, "null,null")]
    [InlineData("-12", 2, "null,12")]
    [InlineData("12", 1, "12")]
    [InlineData("12", 3, "")]
    [InlineData("1－2", 2, "")]
    [InlineData("", 1, "")]
    public void Splits_SmallRun_ReturnsEveryReading(string run, int parts, string expected)
    {
        var actual = string.Join('|', DigitRunSplitter.Splits(run, parts).Select(Format));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("12a3")]
    [InlineData("12.3")]
    [InlineData("1 2")]
    public void Splits_NonDigitCharacters_Throw(string run)
    {
        Assert.Throws<ArgumentException>(() => DigitRunSplitter.Splits(run, 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Splits_NonPositiveParts_Throw(int parts)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DigitRunSplitter.Splits("123", parts));
    }

    [Fact]
    public void ChooseMonotonic_SeedRuns_FindsOneAnswer()
    {
        var combination = Assert.Single(DigitRunSplitter.ChooseMonotonic(SeedRuns, 4));
        Assert.Equal(SeedAnswer, combination);
    }

    [Fact]
    public void ChooseMonotonic_SeedRunsWithoutNoDataYear_StillFindsOneAnswer()
    {
        var combination = Assert.Single(DigitRunSplitter.ChooseMonotonic(SeedRuns[1..], 4));
        Assert.Equal(SeedAnswer[1..], combination);
    }

    [Fact]
    public void ChooseMonotonic_SeedRunsWithRowRule_KeepsTheSameAnswer()
    {
        var combination = Assert.Single(DigitRunSplitter.ChooseMonotonic(SeedRuns, 4, PeopleAtLeastInstitutions));
        Assert.Equal(SeedAnswer, combination);
    }

    [Fact]
    public void ChooseMonotonic_AmbiguousRuns_RowRuleMakesItUnique()
    {
        string[] runs = ["111", "222"];

        var withoutRule = DigitRunSplitter.ChooseMonotonic(runs, 2);
        Assert.Equal(2, withoutRule.Count);
        Assert.Contains(withoutRule, c => Format(c) == "1,11/2,22");
        Assert.Contains(withoutRule, c => Format(c) == "11,1/22,2");

        var withRule = Assert.Single(DigitRunSplitter.ChooseMonotonic(runs, 2, row => row[1] >= row[0]));
        Assert.Equal("1,11/2,22", Format(withRule));
    }

    [Theory]
    [InlineData(new[] { "5－", "－3", "64" }, "5,null/null,3/6,4")]
    [InlineData(new[] { "5－", "－3", "42" }, "")]
    [InlineData(new[] { "12", "－－", "34" }, "1,2/null,null/3,4")]
    [InlineData(new[] { "34", "12" }, "")]
    public void ChooseMonotonic_NoDataCells_AreSkippedWhenComparing(string[] runs, string expected)
    {
        var actual = string.Join('|', DigitRunSplitter.ChooseMonotonic(runs, 2).Select(Format));
        Assert.Equal(expected, actual);
    }

    private static string Format(IReadOnlyList<int?> cells) =>
        string.Join(',', cells.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? "null"));

    private static string Format(int?[][] rows) => string.Join('/', rows.Select(r => Format(r)));

    // Independent oracle: try all three cut positions; drop cells with a leading zero or over 9 digits (the int cap).
    private static HashSet<string> BruteForceFourCuts(string run)
    {
        var readings = new HashSet<string>();
        for (var a = 1; a < run.Length; a++)
        {
            for (var b = a + 1; b < run.Length; b++)
            {
                for (var c = b + 1; c < run.Length; c++)
                {
                    string[] cells = [run[..a], run[a..b], run[b..c], run[c..]];
                    if (cells.All(cell => (cell.Length == 1 || cell[0] != '0') && cell.Length <= 9))
                    {
                        readings.Add(string.Join(',', cells.Select(cell => int.Parse(cell, CultureInfo.InvariantCulture))));
                    }
                }
            }
        }

        return readings;
    }

    [Fact]
    public void Splits_RunWithMillionsOfReadings_IsRefusedQuickly()
    {
        // 40 digits as 8 cells has millions of readings: enumerating them took minutes and gigabytes (found by fuzzing).
        var run = string.Concat(Enumerable.Repeat("1234", 10));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<ArgumentException>(() => DigitRunSplitter.Splits(run, 8));
        Assert.Equal("run", error.ParamName);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Splits_RunLongerThanNineDigitsPerCell_HasNoReadingAndReturnsAtOnce()
    {
        Assert.Empty(DigitRunSplitter.Splits(new string('1', 100_000), 3));
    }

    [Fact]
    public void Splits_LongRunOfNoDataMarks_HasOneReadingWithinTheCellLimit()
    {
        var split = Assert.Single(DigitRunSplitter.Splits(new string('－', DigitRunSplitter.MaxParts), DigitRunSplitter.MaxParts));
        Assert.All(split, cell => Assert.Null(cell));
        Assert.Throws<ArgumentOutOfRangeException>(() => DigitRunSplitter.Splits("1", DigitRunSplitter.MaxParts + 1));
    }

    [Fact]
    public void Splits_JustUnderTheReadingLimit_ReturnsEveryReading()
    {
        // Independent count: 12 digits without zeros as 4 cells = the compositions of 12 into 4 parts of 1–9 = C(11,3) = 165.
        Assert.Equal(165, DigitRunSplitter.Splits("123456789123", 4).Count);
    }
}
