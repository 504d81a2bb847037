namespace ClusterAtlas.Reconciliation;

internal sealed record Derivation(decimal Value, string Equation, string Explanation);

internal sealed record Openness(ValueRange? Range, string Explanation);

internal sealed record Finding(
    InconsistencyKind Kind, Relation? Relation, string Name, string Equation, decimal? Total, decimal? Sum, decimal Difference,
    IReadOnlyList<CellRef> Positions, List<Hypothesis> Hypotheses);

/// <summary>
/// One run of the engine over a table: (1) check the relations whose figures are all published, (2) derive every
/// unknown that is the only one left in a relation, until nothing changes, (3) solve what remains as a linear system
/// and bound what it leaves open. With <c>noDataAsZero</c>, 「-」 cells count as 0; otherwise they are unknowns.
/// </summary>
internal sealed partial class ReconciliationPass
{
    private readonly ReconciliationTable table;
    private readonly List<Relation> relations;

    public ReconciliationPass(ReconciliationTable table, List<Relation> relations, bool noDataAsZero)
    {
        this.table = table;
        this.relations = relations;
        foreach (var at in table.AllPositions)
        {
            var cell = table.Get(at)!.Value;
            if (cell.State == CellState.Published)
            {
                Values[at] = cell.Value!.Value;
            }
            else if (cell.State == CellState.NoData && noDataAsZero)
            {
                Values[at] = 0m;
            }
            else
            {
                Unknown.Add(at);
            }
        }
    }

    /// <summary>Published, fixed (「-」 as 0) and derived values.</summary>
    public Dictionary<CellRef, decimal> Values { get; } = [];

    /// <summary>Positions whose value is not known (yet).</summary>
    public HashSet<CellRef> Unknown { get; } = [];

    public Dictionary<CellRef, Derivation> Derived { get; } = [];

    public Dictionary<CellRef, Openness> Open { get; } = [];

    public List<Finding> Findings { get; } = [];

    /// <summary>Positions a finding marks inconsistent, with the reason.</summary>
    public Dictionary<CellRef, string> Contested { get; } = [];

    /// <summary>Remarks on published cells that take part in a relation that does not add up.</summary>
    public Dictionary<CellRef, List<string>> Notes { get; } = [];

    public ReconciliationPass Run()
    {
        var active = new List<Relation>();
        foreach (var relation in relations)
        {
            if (relation.Members.Any(Unknown.Contains))
            {
                active.Add(relation);
            }
            else
            {
                Check(relation);
                AddPublishedCheck(relation);
            }
        }
        Propagate(active);
        SolveSystem(active);
        foreach (var at in Unknown.Where(p => !Open.ContainsKey(p)).ToList())
        {
            Open[at] = new Openness(table.AssumeNonNegative ? new ValueRange(0, null) : null, $"{InputWord(at)}; no published total constrains it");
        }
        return this;
    }

    /// <summary>Whether 0 is a value the totals allow for <paramref name="at"/> (used to judge 「-」 cells).</summary>
    public bool AllowsZero(CellRef at) =>
        !Contested.ContainsKey(at)
        && (Derived.TryGetValue(at, out var d) ? d.Value == 0
            : !Open.TryGetValue(at, out var o) || o.Range is null || (o.Range.Min <= 0 && (o.Range.Max ?? 0) >= 0));

    private void Propagate(List<Relation> active)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var relation in active.ToList())
            {
                var unknown = relation.Members.Where(Unknown.Contains).Distinct().ToList();
                if (unknown.Count > 1)
                {
                    continue;
                }
                if (unknown.Count == 1)
                {
                    Derive(relation, unknown[0]);
                }
                else if (!ImpliedByPublishedChecks(new() { [IndexOf(relation)] = Rational.One }))
                {
                    Check(relation);
                }
                active.Remove(relation);
                changed = true;
            }
        }
    }

    private void Derive(Relation relation, CellRef at)
    {
        var inLeft = relation.Left.Contains(at);
        var same = (inLeft ? relation.Left : relation.Right).Where(p => p != at).ToList();
        var opposite = inLeft ? relation.Right : relation.Left;
        var plus = opposite.Select(p => Values[p]).ToList();
        var minus = same.Select(p => Values[p]).ToList();
        var value = plus.Sum() - minus.Sum();
        var basis = inLeft ? relation.Basis : $"sum of {relation.Name}";
        var equation = $"{table.Label(at)} = {Amounts.Difference(plus, minus, relation.What)} = {Amounts.Format(value)} ({basis})";
        var uses = opposite.Concat(same).Where(Derived.ContainsKey).Select(table.Label).ToList();
        var explanation = $"{InputWord(at)}; the only unknown left in {relation.Name}, so the {basis} determines it"
            + (uses.Count > 0 ? $" (using the derived {string.Join(", ", uses)})" : "");
        Record(at, value, equation, explanation, relation, inLeft ? value : -value);
        Certify(at, new() { [IndexOf(relation)] = Rational.One });
    }

    /// <summary>Stores a determined value; a negative one breaks the non-negativity of amounts.</summary>
    private void Record(CellRef at, decimal value, string equation, string explanation, Relation? relation, decimal difference)
    {
        Values[at] = value;
        Unknown.Remove(at);
        Derived[at] = new Derivation(value, equation, explanation);
        if (value >= 0 || !table.AssumeNonNegative)
        {
            return;
        }
        var hypotheses = relation is null ? [] : HypothesisFinder.For(relation, difference, table, WithZero(at));
        var number = Add(new Finding(InconsistencyKind.Negative, relation, relation?.Name ?? table.Label(at), equation, null, null, value, [at], hypotheses));
        Contested[at] = $"{InputWord(at)}; the totals leave a negative amount, which a budget cannot be: {equation} (inconsistency #{number})";
    }

    private Dictionary<CellRef, decimal> WithZero(CellRef at) => new(Values) { [at] = 0m };

    private void Check(Relation relation)
    {
        var left = relation.Left.Select(p => Values[p]).ToList();
        var sum = left.Sum();
        var total = relation.Right.Sum(p => Values[p]);
        if (sum == total)
        {
            return;
        }
        var difference = total - sum;
        var kind = relation.Kind switch
        {
            RelationKind.Row => InconsistencyKind.Row,
            RelationKind.Column => InconsistencyKind.Column,
            _ => InconsistencyKind.GrandTotal,
        };
        var derived = relation.Members.Where(Derived.ContainsKey).ToList();
        var equation = $"{Amounts.Total(left, relation.What)} ≠ {Amounts.Format(total)} ({relation.Basis})"
            + (derived.Count > 0 ? $", with the derived {string.Join(", ", derived.Select(p => $"{table.Label(p)} = {Amounts.Format(Values[p])}"))}" : "");
        var number = Add(new Finding(kind, relation, relation.Name, equation, total, sum, difference, [.. relation.Members],
            HypothesisFinder.For(relation, difference, table, Values)));
        var why = $"{relation.Name} does not add up: {equation}, difference {Amounts.Signed(difference)} (inconsistency #{number})";
        if (relation.Kind != RelationKind.RowsVsColumns)
        {
            foreach (var p in relation.Right.Where(p => !Derived.ContainsKey(p)))
            {
                Contested.TryAdd(p, $"published {Amounts.Format(Values[p])}, but {why}");
            }
        }
        foreach (var p in derived)
        {
            Contested.TryAdd(p, $"derived as {Amounts.Format(Values[p])}, but then {why}");
        }
        foreach (var p in relation.Left.Where(p => !Derived.ContainsKey(p)))
        {
            Note(p, $"part of {relation.Name}, which does not add up (inconsistency #{number})");
        }
    }

    private int Add(Finding finding)
    {
        Findings.Add(finding);
        return Findings.Count;
    }

    private void Note(CellRef at, string note)
    {
        if (!Notes.TryGetValue(at, out var list))
        {
            Notes[at] = list = [];
        }
        list.Add(note);
    }

    private string InputWord(CellRef at) => table.Get(at)!.Value.State switch
    {
        CellState.NoData => "「-」 (no data) in the source",
        _ when at.IsTotal => "total not printed",
        _ => "blank in the source",
    };
}
