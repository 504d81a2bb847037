using System.Globalization;
using System.Text.RegularExpressions;
using ClusterAtlas.Reconciliation;
using ClusterAtlas.Seeding;
using ClusterAtlas.Tests.Dataset;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Reconciliation;

/// <summary>
/// The engine on the curated CSTP budget table (source 004) through the database: it must reproduce the hand
/// reconciliation in data/decoding/004.md §3.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the database through IAsyncLifetime.DisposeAsync.")]
public sealed class BudgetQuality004Tests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create();
    private BudgetQualityReport report = null!;

    public async Task InitializeAsync()
    {
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        var seeded = await new SeedCuratedDataset(db, TimeProvider.System).RunAsync(RepositoryPaths.DataFolder, false, CancellationToken.None);
        Assert.True(seeded.Loaded, seeded.Message);
        report = (await new BudgetQuality(db).RunAsync(null, CancellationToken.None))!;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private BudgetCellQuality Cell(string measure, int? fiscalYear) =>
        Assert.Single(report.Cells, c => c.Measure == measure && c.FiscalYear?.Year == fiscalYear);

    [Fact]
    public void Nibio_H18_IsDerivedFromItsRowTotal()
    {
        var cell = Cell("mhlw-nibio", 2006);
        Assert.Equal(("derived", 11443m), (cell.Status, cell.ValueUsed));
        Assert.Equal("医薬基盤研究所 H18 = 34,250 − 11,474 − 11,333 = 11,443 (row total)", cell.Equation);
        Assert.Equal(("", "blank", (decimal?)null), (cell.PublishedText, cell.StoredStatus, cell.PublishedAmount));
        Assert.Contains(cell, report.Derived);
    }

    [Fact]
    public void CityArea_H17_IsDerivedAsZeroFromTheH17Column()
    {
        var cell = Cell("city-area", 2005);
        Assert.Equal(("derived", 0m), (cell.Status, cell.ValueUsed));
        Assert.Equal("都市エリア産学官連携促進事業 H17 = 70,599 − 70,599 (sum of the other 18 cells) = 0 (column total)", cell.Equation);
        Assert.Equal(2, report.Derived.Count);
    }

    [Fact]
    public void Maff_AndCityArea_H18H19_AreUndeterminedWithTheRangesOfTheNotes()
    {
        // "**A18 ∈ [362, 4,872], A19 ∈ [5,220, 9,730], C18 ∈ [0, 4,510], C19 ∈ [0, 4,510] stay undetermined.**" (§3.3)
        var notes = DataFiles.DecodingNotes("004.md");
        var ranges = Regex.Matches(notes, @"\b([AC])(\d\d) ∈ \[([\d,]+), ([\d,]+)\]");
        Assert.Equal(4, ranges.Count);
        foreach (Match m in ranges)
        {
            var measure = m.Groups[1].Value == "A" ? "maff-advanced-tech-research" : "city-area";
            var cell = Cell(measure, 1988 + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            Assert.Equal("undetermined", cell.Status);
            Assert.Null(cell.ValueUsed);
            Assert.Equal((Amount(m.Groups[3].Value), Amount(m.Groups[4].Value)), (cell.Range!.Min, cell.Range.Max));
        }
        Assert.Equal(4, report.Undetermined.Count);
        Assert.Equal("362–4,872", Cell("maff-advanced-tech-research", 2006).Range!.Text);
    }

    [Fact]
    public void KnowledgeClusterRow_IsInconsistent_HypothesisItsTotalIncludesTheCityAreaRow()
    {
        var kc = Assert.Single(report.Inconsistencies, i => i.Relation == "row 知的クラスター創成事業");
        Assert.Equal(("row", 4510m, 41023m, 36513m), (kc.Kind, kc.Difference, kc.PublishedTotal, kc.Sum));
        Assert.Equal("13,600 + 13,972 + 8,941 = 36,513 ≠ 41,023 (row total)", kc.Equation);
        var hypothesis = Assert.Single(kc.Hypotheses);
        Assert.Equal(("includes-neighbouring-row", 4510m), (hypothesis.Kind, hypothesis.Amount));
        Assert.Equal(["city-area", "kc"], hypothesis.Measures);
        Assert.Contains("neighbouring row 都市エリア産学官連携促進事業 (4,510)", hypothesis.Text, StringComparison.Ordinal);
        Assert.Contains("36,513 + 4,510 = 41,023", hypothesis.Text, StringComparison.Ordinal);

        var total = Cell("kc", null);
        Assert.Equal(("inconsistent", 41023m, "41, 023"), (total.Status, total.ValueUsed, total.PublishedText));
        Assert.Contains("都市エリア", total.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void SumOfRowTotals_ExceedsTheGrandTotalBy4510_HypothesisCityAreaCountedTwice()
    {
        var grand = Assert.Single(report.Inconsistencies, i => i.Kind == "grand-total");
        Assert.Equal((-4510m, 230866m, 226356m), (grand.Difference, grand.Sum, grand.PublishedTotal));
        var twice = Assert.Single(grand.Hypotheses);
        Assert.Equal(("counted-twice", 4510m), (twice.Kind, twice.Amount));
        Assert.Equal(["city-area"], twice.Measures);
        Assert.Equal(2, report.Summary.Inconsistencies); // kc row and the sum of the row totals; every other relation holds
    }

    [Fact]
    public void EnvironmentalVerification_H19Dash_IsNoDataAndZeroIsConsistent()
    {
        var cell = Assert.Single(report.NoData);
        Assert.Equal(("moe-etv", 2007, "- (<u>*</u>)"), (cell.Measure, cell.FiscalYear!.Year, cell.PublishedText));
        Assert.Equal(("no-data", 0m), (cell.Status, cell.ValueUsed));
        Assert.Contains("treating it as 0 is consistent", cell.Explanation, StringComparison.Ordinal);
        Assert.Equal("環境技術実証モデル事業 H19 = 449 − 200 − 249 = 0 (row total)", cell.Equation);
    }

    [Fact]
    public void Report_CoversEveryBudgetLineOnceWithSummaryCounts()
    {
        Assert.Equal(80, report.Cells.Count);
        Assert.Equal(report.Cells.Count, report.Cells.Select(c => c.BudgetLineId).Distinct().Count());
        var s = report.Summary;
        Assert.Equal((1, 80, 71, 2, 4, 2, 1), (s.Tables, s.Cells, s.Published, s.Derived, s.Undetermined, s.Inconsistent, s.NoData));
        var table = Assert.Single(report.Tables);
        Assert.Equal(("cstp-cluster", 19, "百万円"), (table.Code, table.Rows, table.Unit));
        Assert.Equal([2005, 2006, 2007], table.FiscalYears.Select(y => y.Year));
        var columnTotal = Cell("cstp-cluster", 2006);
        Assert.True(columnTotal.IsColumnTotal);
        Assert.Equal(("published", 81535m), (columnTotal.Status, columnTotal.ValueUsed));
    }

    [Fact]
    public async Task Run_WritesNothing()
    {
        await using var db = database.NewContext();
        static string Snapshot(IEnumerable<ClusterAtlas.Programmes.BudgetLine> lines) => string.Join("\n",
            lines.OrderBy(l => l.Id).Select(l => $"{l.Id}|{l.ProgrammeId}|{l.FiscalYear}|{l.PublishedText}|{l.AmountMillionYen}|{l.Status}|{l.Note}"));
        var before = Snapshot(await db.BudgetLines.AsNoTracking().ToListAsync());

        await new BudgetQuality(db).RunAsync(null, CancellationToken.None);

        Assert.Equal(before, Snapshot(await db.BudgetLines.AsNoTracking().ToListAsync()));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
