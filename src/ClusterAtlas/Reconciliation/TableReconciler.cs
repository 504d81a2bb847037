namespace ClusterAtlas.Reconciliation;

/// <summary>
/// Reconciles a published table against its own totals: derives the blank cells the totals determine, bounds the
/// ones they do not, and reports every relation that cannot hold with a simple hypothesis where one exists. Knows
/// nothing about budgets; published values are never changed.
/// </summary>
public static class TableReconciler
{
    public static ReconciliationResult Reconcile(ReconciliationTable table)
    {
        var relations = Relation.Of(table);
        // 「-」 cells are first treated as unknowns: what the totals say about them decides whether 0 is consistent.
        var open = new ReconciliationPass(table, relations, noDataAsZero: false).Run();
        var noData = table.AllPositions.Where(p => table.Get(p)!.Value.State == CellState.NoData).ToList();
        var final = open;
        var zeroIsConsistent = false;
        if (noData.Count > 0 && noData.All(open.AllowsZero))
        {
            var zero = new ReconciliationPass(table, relations, noDataAsZero: true).Run();
            if (zero.Findings.Count <= open.Findings.Count)
            {
                (final, zeroIsConsistent) = (zero, true);
            }
        }
        var findings = Misprints.AddAtCrossings(final.Findings, table);
        var inconsistencies = CrossReference(findings.Select((f, i) =>
            new Inconsistency(i + 1, f.Kind, f.Name, f.Equation, f.Total, f.Sum, f.Difference, f.Positions, f.Hypotheses)).ToList());
        var outcomes = table.AllPositions.Select(p => Outcome(table, p, final, open, zeroIsConsistent, inconsistencies)).ToList();
        return new ReconciliationResult(outcomes, inconsistencies);
    }

    private static CellOutcome Outcome(
        ReconciliationTable table, CellRef at, ReconciliationPass final, ReconciliationPass open, bool zeroIsConsistent, List<Inconsistency> inconsistencies)
    {
        var input = table.Get(at)!.Value;
        var label = table.Label(at);
        var notes = final.Notes.TryGetValue(at, out var n) ? "; " + string.Join("; ", n) : "";
        final.Derived.TryGetValue(at, out var derived);
        final.Open.TryGetValue(at, out var range);
        if (final.Contested.TryGetValue(at, out var why))
        {
            var hint = inconsistencies.FirstOrDefault(i => i.Positions.Contains(at) && i.Hypotheses.Count > 0)?.Hypotheses[0].Text;
            var value = input.State == CellState.Published ? input.Value : null;
            return new CellOutcome(at, label, input, CellStatus.Inconsistent, value,
                why + notes + (hint is null ? "" : $"; hypothesis: {hint}"), derived?.Equation, null);
        }
        switch (input.State)
        {
            case CellState.Published:
                return new CellOutcome(at, label, input, CellStatus.Published, input.Value, "published" + notes, null, null);
            case CellState.NoData:
                return NoDataOutcome(at, label, input, open, zeroIsConsistent);
            default:
                return derived is not null
                    ? new CellOutcome(at, label, input, CellStatus.Derived, derived.Value, derived.Explanation, derived.Equation, null)
                    : new CellOutcome(at, label, input, CellStatus.Undetermined, null, range?.Explanation ?? "undetermined", null, range?.Range);
        }
    }

    /// <summary>「-」: reported as no data, with what the totals say about reading it as 0.</summary>
    private static CellOutcome NoDataOutcome(CellRef at, string label, TableCell input, ReconciliationPass open, bool zeroIsConsistent)
    {
        open.Derived.TryGetValue(at, out var derived);
        open.Open.TryGetValue(at, out var range);
        var evidence = derived is not null ? $"the totals give {derived.Equation}"
            : range?.Range is { } r ? $"the totals allow {Amounts.Format(r)}"
            : "no published total constrains it";
        if (zeroIsConsistent)
        {
            return new CellOutcome(at, label, input, CellStatus.NoData, 0m, $"「-」 (no data); treating it as 0 is consistent: {evidence}", derived?.Equation, null);
        }
        var value = derived is not null && !open.Contested.ContainsKey(at) ? derived.Value : (decimal?)null;
        return new CellOutcome(at, label, input, CellStatus.NoData, value,
            $"「-」 (no data); treating it as 0 is not consistent with the totals: {evidence}", derived?.Equation, range?.Range);
    }

    /// <summary>
    /// (a) and (b) often describe one fact from two sides: a total that includes its neighbouring row makes that row
    /// count twice in the sum of the row totals. Say so on both.
    /// </summary>
    private static List<Inconsistency> CrossReference(List<Inconsistency> list)
    {
        var neighbours = list.SelectMany(i => i.Hypotheses.Where(h => h.Kind is HypothesisKind.IncludesNeighbouringRow or HypothesisKind.IncludesNeighbouringColumn)
            .Select(h => (Inconsistency: i, Hypothesis: h))).ToList();
        return list.Select(i => i with
        {
            Hypotheses = [.. i.Hypotheses.Select(h =>
            {
                var partners = h.Kind switch
                {
                    HypothesisKind.CountedTwice => neighbours.Where(x => x.Hypothesis.Amount == h.Amount && x.Hypothesis.Subjects[0] == h.Subjects[0])
                        .Select(x => $"the same {Amounts.Format(h.Amount)} as inconsistency #{x.Inconsistency.Number}, whose total would include it").ToList(),
                    HypothesisKind.IncludesNeighbouringRow or HypothesisKind.IncludesNeighbouringColumn => list.Where(o => o != i && o.Hypotheses.Any(x =>
                            x.Kind == HypothesisKind.CountedTwice && x.Amount == h.Amount && x.Subjects[0] == h.Subjects[0]))
                        .Select(o => $"this also explains inconsistency #{o.Number}, where it is counted twice").ToList(),
                    _ => [],
                };
                return partners.Count == 0 ? h : h with { Text = $"{h.Text} ({string.Join("; ", partners)})" };
            })],
        }).ToList();
    }
}
