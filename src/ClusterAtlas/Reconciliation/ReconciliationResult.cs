namespace ClusterAtlas.Reconciliation;

public enum CellStatus { Published, Derived, Undetermined, Inconsistent, NoData }

/// <summary>The values a cell can still take; <see cref="Max"/> null = no upper bound.</summary>
public sealed record ValueRange(decimal Min, decimal? Max);

/// <summary>
/// The engine's verdict on one position. <see cref="Value"/> is the value used (published, derived, or 0 for a
/// 「-」 cell when that is consistent); <see cref="Equation"/> is the arithmetic that determines a derived value.
/// </summary>
public sealed record CellOutcome(
    CellRef At, string Label, TableCell Input, CellStatus Status, decimal? Value, string Explanation, string? Equation, ValueRange? Range);

public enum InconsistencyKind
{
    /// <summary>A row's cells do not add up to its row total.</summary>
    Row,
    /// <summary>A column's cells do not add up to its column total.</summary>
    Column,
    /// <summary>The row totals (or the column totals) do not add up to the grand total, or to each other.</summary>
    GrandTotal,
    /// <summary>The totals contradict each other only through the blank cells they share.</summary>
    System,
    /// <summary>The totals leave a negative amount for a blank cell, or no non-negative solution at all.</summary>
    Negative,
}

public enum HypothesisKind { IncludesNeighbouringRow, IncludesNeighbouringColumn, CountedTwice, Misprint, DigitTransposition }

/// <summary>
/// One simple explanation of an inconsistency. Only reported: published values are never changed.
/// <see cref="Subjects"/> are the positions it names (the neighbouring row's total, the misprinted cell …).
/// </summary>
public sealed record Hypothesis(HypothesisKind Kind, string Text, decimal Amount, IReadOnlyList<CellRef> Subjects);

/// <summary>
/// A relation between published figures that does not hold. <see cref="Difference"/> = published total − sum.
/// </summary>
public sealed record Inconsistency(
    int Number, InconsistencyKind Kind, string Relation, string Equation, decimal? Total, decimal? Sum, decimal Difference,
    IReadOnlyList<CellRef> Positions, IReadOnlyList<Hypothesis> Hypotheses);

public sealed record ReconciliationResult(IReadOnlyList<CellOutcome> Outcomes, IReadOnlyList<Inconsistency> Inconsistencies)
{
    public CellOutcome this[CellRef at] => Outcomes.First(o => o.At == at);

    public IEnumerable<CellOutcome> WithStatus(CellStatus status) => Outcomes.Where(o => o.Status == status);
}
