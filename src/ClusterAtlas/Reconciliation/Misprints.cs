namespace ClusterAtlas.Reconciliation;

/// <summary>
/// Hypothesis (c) across relations: when a row and a column both fail by the same amount, the one published cell
/// they share, corrected by that amount, closes both — the classic trace of a single misprinted figure.
/// </summary>
internal static class Misprints
{
    public static List<Finding> AddAtCrossings(List<Finding> findings, ReconciliationTable table)
    {
        var rows = findings.Where(f => f.Relation?.Kind == RelationKind.Row && f.Kind == InconsistencyKind.Row).ToList();
        var columns = findings.Where(f => f.Relation?.Kind == RelationKind.Column && f.Kind == InconsistencyKind.Column).ToList();
        foreach (var row in rows)
        {
            foreach (var column in columns.Where(c => c.Difference == row.Difference))
            {
                var at = CellRef.Cell(row.Relation!.Line!, column.Relation!.Line!);
                if (table.Get(at) is not { State: CellState.Published, Value: { } printed })
                {
                    continue;
                }
                var corrected = printed + row.Difference;
                if (corrected < 0 && table.AssumeNonNegative)
                {
                    continue;
                }
                var hypothesis = new Hypothesis(HypothesisKind.Misprint,
                    $"{table.Label(at)} printed {Amounts.Format(printed)} may be a misprint of {Amounts.Format(corrected)}: " +
                    $"then both {row.Name} and {column.Name} add up",
                    row.Difference, [at]);
                // The crossing explains both failures at once, so it goes first.
                row.Hypotheses.Insert(0, hypothesis);
                column.Hypotheses.Insert(0, hypothesis);
            }
        }
        return findings;
    }
}
