using System.Globalization;

namespace ClusterAtlas.Reconciliation;

/// <summary>
/// Looks for one simple explanation of a relation that does not hold: (a) a total that includes a neighbouring row or
/// column, (b) a figure counted twice, (c) a single misprinted figure (one digit wrong, or two adjacent digits swapped).
/// </summary>
internal static class HypothesisFinder
{
    /// <summary>Hypotheses for <paramref name="relation"/>, whose Σ Right − Σ Left is <paramref name="difference"/> (published total − sum).</summary>
    public static List<Hypothesis> For(Relation relation, decimal difference, ReconciliationTable table, IReadOnlyDictionary<CellRef, decimal> values)
    {
        var found = new List<Hypothesis>();
        found.AddRange(IncludesNeighbour(relation, difference, table, values));
        found.AddRange(CountedTwice(relation, difference, table, values));
        // A misprint is the weakest explanation (any figure can be "one digit off"): only offered when no
        // structural one fits.
        return found.Count > 0 ? found : [.. Misprints(relation, difference, table, values)];
    }

    private static IEnumerable<Hypothesis> IncludesNeighbour(Relation relation, decimal difference, ReconciliationTable table, IReadOnlyDictionary<CellRef, decimal> values)
    {
        if (difference <= 0 || relation.Line is null || relation.Kind is not (RelationKind.Row or RelationKind.Column))
        {
            yield break;
        }
        var isRow = relation.Kind == RelationKind.Row;
        var index = isRow ? table.RowIndex(relation.Line) : table.ColumnIndex(relation.Line);
        var count = isRow ? table.Rows.Count : table.Columns.Count;
        foreach (var n in new[] { index - 1, index + 1 }.Where(n => n >= 0 && n < count))
        {
            var key = isRow ? table.Rows[n].Key : table.Columns[n].Key;
            var total = isRow ? CellRef.RowTotal(key) : CellRef.ColumnTotal(key);
            if (LineAmount(table, total) == difference)
            {
                var word = isRow ? "row" : "column";
                var name = isRow ? table.RowLabel(key) : table.ColumnLabel(key);
                var right = relation.Right.Sum(p => values[p]);
                yield return new Hypothesis(isRow ? HypothesisKind.IncludesNeighbouringRow : HypothesisKind.IncludesNeighbouringColumn,
                    $"the {relation.Basis} {Amounts.Format(right)} includes the neighbouring {word} {name} ({Amounts.Format(difference)}): " +
                    $"{Amounts.Format(right - difference)} + {Amounts.Format(difference)} = {Amounts.Format(right)}",
                    difference, [total, .. relation.Right]);
            }
        }
    }

    /// <summary>A neighbour's amount: its published total, or the sum of its cells when all are published.</summary>
    private static decimal? LineAmount(ReconciliationTable table, CellRef total)
    {
        if (table.Get(total) is { State: CellState.Published, Value: { } v })
        {
            return v;
        }
        var cells = total.Row is { } r ? table.Columns.Select(c => table.Get(CellRef.Cell(r, c.Key))!.Value)
            : table.Rows.Select(row => table.Get(CellRef.Cell(row.Key, total.Column!))!.Value);
        var list = cells.ToList();
        return list.All(c => c.State == CellState.Published) ? list.Sum(c => c.Value!.Value) : null;
    }

    private static IEnumerable<Hypothesis> CountedTwice(Relation relation, decimal difference, ReconciliationTable table, IReadOnlyDictionary<CellRef, decimal> values)
    {
        var excess = -difference;
        if (relation.Kind is RelationKind.GrandByRows or RelationKind.GrandByColumns or RelationKind.RowsVsColumns)
        {
            // The line totals add up to more than the grand total by exactly one line's amount: that line is in the sum twice.
            (IReadOnlyList<CellRef> side, string word) = (excess, relation.Kind) switch
            {
                ( > 0, RelationKind.GrandByColumns) => (relation.Left, "column"),
                ( > 0, _) => (relation.Left, "row"),
                ( < 0, RelationKind.RowsVsColumns) => (relation.Right, "column"),
                _ => ((IReadOnlyList<CellRef>)[], ""),
            };
            var amount = Math.Abs(excess);
            var larger = side.Sum(p => values[p]);
            foreach (var total in side.Where(p => p.IsTotal && LineAmount(table, p) == amount))
            {
                var name = total.Row is { } r ? table.RowLabel(r) : table.ColumnLabel(total.Column!);
                yield return new Hypothesis(HypothesisKind.CountedTwice,
                    $"the {word} {name} ({Amounts.Format(amount)}) is counted twice: the {word} totals add up to " +
                    $"{Amounts.Format(larger)} = {Amounts.Format(larger - amount)} + {Amounts.Format(amount)}",
                    amount, [total]);
            }
            yield break;
        }
        if (excess <= 0)
        {
            yield break;
        }
        // Within a row or column: the same figure printed twice accounts exactly for the excess.
        var twins = relation.Left.Where(p => table.Get(p) is { State: CellState.Published } c && c.Value == excess).ToList();
        if (twins.Count >= 2)
        {
            yield return new Hypothesis(HypothesisKind.CountedTwice,
                $"the figure {Amounts.Format(excess)} appears in {string.Join(" and ", twins.Select(table.Label))}: counted twice, the sum exceeds the {relation.Basis} by exactly {Amounts.Format(excess)}",
                excess, twins);
        }
    }

    private static IEnumerable<Hypothesis> Misprints(Relation relation, decimal difference, ReconciliationTable table, IReadOnlyDictionary<CellRef, decimal> values)
    {
        foreach (var p in relation.Members.Distinct())
        {
            if (table.Get(p) is not { State: CellState.Published, Value: { } printed })
            {
                continue;
            }
            var corrected = relation.Left.Contains(p) ? printed + difference : printed - difference;
            if (corrected < 0 && table.AssumeNonNegative)
            {
                continue;
            }
            var kind = Typo(printed, corrected);
            if (kind is { } k)
            {
                var how = k == HypothesisKind.DigitTransposition ? "two adjacent digits swapped" : "one digit misprinted";
                yield return new Hypothesis(k,
                    $"{table.Label(p)} printed {Amounts.Format(printed)} may be {Amounts.Format(corrected)} ({how}); then {relation.Name} adds up",
                    corrected - printed, [p]);
            }
        }
    }

    /// <summary>Whether <paramref name="corrected"/> is <paramref name="printed"/> with two adjacent digits swapped or one digit changed.</summary>
    internal static HypothesisKind? Typo(decimal printed, decimal corrected)
    {
        if (printed == corrected || printed != decimal.Truncate(printed) || corrected != decimal.Truncate(corrected) || Math.Sign(printed) * Math.Sign(corrected) < 0)
        {
            return null;
        }
        var a = Math.Abs(printed).ToString(CultureInfo.InvariantCulture);
        var b = Math.Abs(corrected).ToString(CultureInfo.InvariantCulture);
        if (a.Length != b.Length)
        {
            return null;
        }
        var diff = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return diff.Count switch
        {
            // In a one- or two-digit figure any change is "one digit": that explains nothing.
            1 when a.Length >= 3 => HypothesisKind.Misprint,
            2 when diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]] => HypothesisKind.DigitTransposition,
            _ => null,
        };
    }
}
