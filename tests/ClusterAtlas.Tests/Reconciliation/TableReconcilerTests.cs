using ClusterAtlas.Reconciliation;
using Xunit;

namespace ClusterAtlas.Tests.Reconciliation;

/// <summary>The generic engine on small synthetic tables (no database).</summary>
public sealed class TableReconcilerTests
{
    private static CellRef At(string row, string column) => CellRef.Cell(row, column);

    [Fact]
    public void Reconcile_ChainOfDerivations_DerivesEveryBlankWithItsEquation()
    {
        // A/H2 is the only blank of row A; once it is known, B/H2 is the only blank of column H2; then row B closes.
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2  | H3 | 計
            A  | 100 | ?  | 50 | 200
            B  | ?  | ?   | 40 | 100
            C  | 20 | 70  | 10 | 100
            計 | 150 | 150 | 100 | 400
            """));

        Assert.Empty(result.Inconsistencies);
        var a2 = result[At("A", "H2")];
        Assert.Equal((CellStatus.Derived, 50m), (a2.Status, a2.Value));
        Assert.Equal("A H2 = 200 − 100 − 50 = 50 (row total)", a2.Equation);
        var b2 = result[At("B", "H2")];
        Assert.Equal((CellStatus.Derived, 30m), (b2.Status, b2.Value));
        Assert.Equal("B H2 = 150 − 50 − 70 = 30 (column total)", b2.Equation);
        Assert.Contains("using the derived A H2", b2.Explanation, StringComparison.Ordinal);
        var b1 = result[At("B", "H1")];
        Assert.Equal((CellStatus.Derived, 30m), (b1.Status, b1.Value));
        Assert.Empty(result.WithStatus(CellStatus.Undetermined));
        Assert.Equal(100m, result[CellRef.Cell("A", "H1")].Value); // published values are used as printed
    }

    [Fact]
    public void Reconcile_TotalNotPrinted_IsDerivedFromItsCells()
    {
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | 計
            A  | 10 | 20 | ?
            B  | 5  | 5  | 10
            計 | 15 | 25 | 40
            """));

        var total = result[CellRef.RowTotal("A")];
        Assert.Equal((CellStatus.Derived, 30m), (total.Status, total.Value));
        Assert.Empty(result.Inconsistencies);
    }

    [Fact]
    public void Reconcile_BlockOfFourBlanks_LeavesThemUndeterminedWithNonNegativeRanges()
    {
        // Rows A and B and columns H1 and H2 each have two blanks: A1 + A2 = 150, B1 + B2 = 60, A1 + B1 = 130, A2 + B2 = 80.
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | H3 | 計
            A  | ?  | ?  | 50 | 200
            B  | ?  | ?  | 40 | 100
            C  | 20 | 70 | 10 | 100
            計 | 150 | 150 | 100 | 400
            """));

        Assert.Empty(result.Inconsistencies);
        Assert.Equal(new ValueRange(70, 130), result[At("A", "H1")].Range);
        Assert.Equal(new ValueRange(20, 80), result[At("A", "H2")].Range);
        Assert.Equal(new ValueRange(0, 60), result[At("B", "H1")].Range);
        Assert.Equal(new ValueRange(0, 60), result[At("B", "H2")].Range);
        Assert.All(new[] { At("A", "H1"), At("A", "H2"), At("B", "H1"), At("B", "H2") }, at =>
        {
            Assert.Equal(CellStatus.Undetermined, result[at].Status);
            Assert.Null(result[at].Value);
        });
        Assert.Contains("1 degree of freedom", result[At("A", "H1")].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_TwoBlanksInOneRowWithoutColumnTotals_AreUndeterminedBetweenZeroAndTheRemainder()
    {
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | H3 | 計
            A  | ?  | ?  | 500 | 4,000
            B  | 10 | 20 | 30 | 60
            """));

        Assert.Equal(new ValueRange(0, 3500), result[At("A", "H1")].Range);
        Assert.Equal(new ValueRange(0, 3500), result[At("A", "H2")].Range);
        Assert.Equal(CellStatus.Undetermined, result[At("A", "H2")].Status);
    }

    [Fact]
    public void Reconcile_BlankWithNoTotalAtAll_IsUndeterminedAndUnbounded()
    {
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | 計
            A  | ?  | 20 | .
            """));

        Assert.Equal(new ValueRange(0, null), result[At("A", "H1")].Range);
        Assert.Contains("no published total constrains it", result[At("A", "H1")].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_NoDataCellTheTotalsLeaveAtZero_IsNoDataTreatedAsZero()
    {
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | H3 | 計
            A  | 200 | 249 | - | 449
            B  | 100 | ? | 300 | .
            計 | 300 | 300 | 300 | 900
            """));

        Assert.Empty(result.Inconsistencies);
        var dash = result[At("A", "H3")];
        Assert.Equal((CellStatus.NoData, 0m), (dash.Status, dash.Value));
        Assert.Contains("treating it as 0 is consistent", dash.Explanation, StringComparison.Ordinal);
        Assert.Equal("A H3 = 449 − 200 − 249 = 0 (row total)", dash.Equation);
        Assert.Equal(51m, result[At("B", "H2")].Value); // 300 − 249
    }

    [Fact]
    public void Reconcile_NoDataCellTheTotalsNeedNonZero_SaysZeroIsNotConsistent()
    {
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | 計
            A  | 200 | - | 240
            """));

        Assert.Empty(result.Inconsistencies);
        var dash = result[At("A", "H2")];
        Assert.Equal(CellStatus.NoData, dash.Status);
        Assert.Equal(40m, dash.Value);
        Assert.Contains("treating it as 0 is not consistent", dash.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_NoGrandTotal_RowTotalsAreCheckedAgainstColumnTotals()
    {
        // Row C and column H3 print no total: C/H3 cancels out of "row totals = column totals", the rest must agree.
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | H3 | 計
            A  | 100 | 200 | 5 | 305
            B  | ? | 400 | 7 | 457
            C  | 30 | 40 | ? | .
            計 | 180 | 640 | . | .
            """));

        Assert.Empty(result.Inconsistencies);
        Assert.Equal(50m, result[At("B", "H1")].Value);
        Assert.Equal(new ValueRange(0, null), result[At("C", "H3")].Range);
    }
}
