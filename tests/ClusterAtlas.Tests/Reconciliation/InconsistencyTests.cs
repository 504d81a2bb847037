using ClusterAtlas.Reconciliation;
using Xunit;

namespace ClusterAtlas.Tests.Reconciliation;

/// <summary>Totals that cannot add up, on small synthetic tables: what is reported and which hypothesis explains it.</summary>
public sealed class InconsistencyTests
{
    private static CellRef At(string row, string column) => CellRef.Cell(row, column);

    [Fact]
    public void Reconcile_CompleteRowNotAddingUp_IsReportedAndThePublishedTotalKept()
    {
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | H3 | 計
            A  | 100 | 200 | 300 | 600
            B  | 120 | 340 | 560 | 1,000
            計 | 220 | 540 | 860 | 1,620
            """));

        var row = Assert.Single(result.Inconsistencies, i => i.Kind == InconsistencyKind.Row);
        Assert.Equal("row B", row.Relation);
        Assert.Equal("120 + 340 + 560 = 1,020 ≠ 1,000 (row total)", row.Equation);
        Assert.Equal(-20m, row.Difference);
        var total = result[CellRef.RowTotal("B")];
        Assert.Equal((CellStatus.Inconsistent, 1000m), (total.Status, total.Value));
        Assert.Contains("inconsistency #1", total.Explanation, StringComparison.Ordinal);
        // The columns add up, so the row totals cannot: 600 + 1,000 ≠ 1,620.
        Assert.Contains(result.Inconsistencies, i => i.Kind == InconsistencyKind.GrandTotal && i.Difference == 20m);
    }

    [Fact]
    public void Reconcile_RowTotalsExceedGrandTotalByOneRow_HypothesisCountedTwice()
    {
        // Row C is a part of row A (its amounts are inside A's), so the column totals leave it out; the row totals do not.
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | 計
            A  | 1,000 | 2,000 | 3,000
            B  | 500 | 500 | 1,000
            C  | 400 | 600 | 1,000
            計 | 1,500 | 2,500 | 4,000
            """));

        var grand = Assert.Single(result.Inconsistencies, i => i.Relation == "sum of the row totals");
        Assert.Equal(-1000m, grand.Difference);
        // Rows B and C both total 1,000: either could be the one counted twice; both are named, nothing weaker.
        Assert.All(grand.Hypotheses, h => Assert.Equal((HypothesisKind.CountedTwice, 1000m), (h.Kind, h.Amount)));
        Assert.Equal([CellRef.RowTotal("B"), CellRef.RowTotal("C")], grand.Hypotheses.Select(h => h.Subjects[0]).ToArray());
        Assert.Equal("the row C (1,000) is counted twice: the row totals add up to 5,000 = 4,000 + 1,000", grand.Hypotheses[1].Text);
    }

    [Fact]
    public void Reconcile_FigureTwiceInAColumn_HypothesisCountedInTwoRows()
    {
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | 計
            A  | 730 | 100 | 830
            B  | 730 | 200 | 930
            C  | 50 | 300 | 350
            計 | 780 | 600 | 2,110
            """));

        var column = Assert.Single(result.Inconsistencies, i => i.Relation == "column H1");
        var twice = Assert.Single(column.Hypotheses, h => h.Kind == HypothesisKind.CountedTwice);
        Assert.Equal([At("A", "H1"), At("B", "H1")], twice.Subjects);
    }

    [Fact]
    public void Reconcile_TotalIncludingTheNextRow_HypothesisNamesTheNeighbourAndTheAmount()
    {
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | 計
            Alpha | 1,000 | 2,000 | 3,450
            Beta  | ? | ? | 450
            Gamma | 300 | 200 | 500
            計 | 1,400 | 2,550 | 3,950
            """));

        var row = Assert.Single(result.Inconsistencies, i => i.Relation == "row Alpha");
        Assert.Equal(450m, row.Difference);
        var neighbour = Assert.Single(row.Hypotheses, h => h.Kind == HypothesisKind.IncludesNeighbouringRow);
        Assert.Equal(450m, neighbour.Amount);
        Assert.Equal(CellRef.RowTotal("Beta"), neighbour.Subjects[0]);
        Assert.Contains("neighbouring row Beta (450)", neighbour.Text, StringComparison.Ordinal);
        Assert.Contains("3,000 + 450 = 3,450", neighbour.Text, StringComparison.Ordinal);
        // The same 450 makes Beta count twice in the sum of the row totals; each hypothesis points at the other.
        var grand = Assert.Single(result.Inconsistencies, i => i.Relation == "sum of the row totals");
        Assert.Contains(grand.Hypotheses, h => h.Kind == HypothesisKind.CountedTwice && h.Subjects[0] == CellRef.RowTotal("Beta"));
        Assert.Contains($"inconsistency #{grand.Number}", neighbour.Text, StringComparison.Ordinal);
        // The blanks of Beta are still solved from the columns: 1,400 − 1,000 − 300 = 100, 2,550 − 2,000 − 200 = 350.
        Assert.Equal(100m, result[At("Beta", "H1")].Value);
        Assert.Equal(350m, result[At("Beta", "H2")].Value);
    }

    [Fact]
    public void Reconcile_CellMisprintedInRowAndColumn_HypothesisNamesTheCell()
    {
        // B/H1 should be 1,900: printed 2,100, it breaks row B and column H1 by the same 200.
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | 計
            A  | 1,200 | 3,400 | 4,600
            B  | 2,100 | 1,900 | 3,800
            計 | 3,100 | 5,300 | 8,400
            """));

        var row = Assert.Single(result.Inconsistencies, i => i.Relation == "row B");
        var column = Assert.Single(result.Inconsistencies, i => i.Relation == "column H1");
        Assert.Equal(2, result.Inconsistencies.Count);
        var misprint = row.Hypotheses[0];
        Assert.Equal(misprint, column.Hypotheses[0]);
        Assert.Equal(HypothesisKind.Misprint, misprint.Kind);
        Assert.Equal([At("B", "H1")], misprint.Subjects);
        Assert.Equal("B H1 printed 2,100 may be a misprint of 1,900: then both row B and column H1 add up", misprint.Text);
        Assert.Equal(2100m, result[At("B", "H1")].Value); // reported, not applied
    }

    [Fact]
    public void Reconcile_TotalWithSwappedDigits_HypothesisDigitTransposition()
    {
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | 計
            A  | 1,000 | 234 | 1,243
            """));

        var row = Assert.Single(result.Inconsistencies);
        var swap = Assert.Single(row.Hypotheses, h => h.Kind == HypothesisKind.DigitTransposition && h.Subjects[0] == CellRef.RowTotal("A"));
        Assert.Equal("A 計 printed 1,243 may be 1,234 (two adjacent digits swapped); then row A adds up", swap.Text);
    }

    [Fact]
    public void Reconcile_TotalsLeavingANegativeAmount_AreInconsistent()
    {
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | 計
            A  | 700 | ? | 500
            """));

        var negative = Assert.Single(result.Inconsistencies);
        Assert.Equal(InconsistencyKind.Negative, negative.Kind);
        Assert.Equal(CellStatus.Inconsistent, result[At("A", "H2")].Status);
        Assert.Null(result[At("A", "H2")].Value);
    }

    [Fact]
    public void Reconcile_TotalsThatDisagreeAlsoThroughTheBlanks_ReportedOnceWherePublishedFiguresDisagree()
    {
        // Rows say the four blanks hold 300, columns say 200: the published row and column totals already disagree.
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | 計
            A  | ? | ? | 100
            B  | ? | ? | 200
            計 | 100 | 100 | .
            """));

        var only = Assert.Single(result.Inconsistencies);
        Assert.Equal((InconsistencyKind.GrandTotal, "row totals against column totals", -100m), (only.Kind, only.Relation, only.Difference));
    }

    [Fact]
    public void Reconcile_BlockWhoseRowsAndColumnsDisagree_SystemInconsistency()
    {
        // Rows A/B leave 160 for their four blanks, columns H1/H2 leave 140; block C/D is off the other way, so
        // the grand total still adds up and no line is complete: only the blanks link the disagreeing totals.
        var result = TableReconciler.Reconcile(TableText.Parse("""
               | H1 | H2 | H3 | H4 | 計
            A  | ? | ? | 10 | 10 | 100
            B  | ? | ? | 10 | 10 | 100
            C  | 10 | 10 | ? | ? | 100
            D  | 10 | 10 | ? | ? | 100
            計 | 90 | 90 | 110 | 110 | 400
            """));

        Assert.Equal(2, result.Inconsistencies.Count);
        Assert.All(result.Inconsistencies, i => Assert.Equal((InconsistencyKind.System, 20m), (i.Kind, Math.Abs(i.Difference))));
        var first = result.Inconsistencies[0];
        Assert.Equal("row A, row B, column H1, column H2", first.Relation);
        Assert.Equal("row A + row B leave 160 for the blank cells they share, column H1 + column H2 leave 140", first.Equation);
    }
}
