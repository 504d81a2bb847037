namespace ClusterAtlas.Reconciliation;

/// <summary>Step 3: what propagation leaves, as a linear system of the remaining relations, bounded by x ≥ 0.</summary>
internal sealed partial class ReconciliationPass
{
    // Relations left out of the system because they contradict the ones before them, with the inconsistency number.
    private readonly Dictionary<Relation, int> setAside = new(ReferenceEqualityComparer.Instance);

    private void SolveSystem(List<Relation> active)
    {
        var unknowns = active.SelectMany(r => r.Members).Where(Unknown.Contains).Distinct().ToList();
        if (unknowns.Count == 0)
        {
            return;
        }
        var index = unknowns.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var system = new LinearSystem(unknowns.Count, active.Count);
        var left = new Rational[active.Count];
        for (var e = 0; e < active.Count; e++)
        {
            var coefficients = Enumerable.Repeat(Rational.Zero, unknowns.Count).ToArray();
            var constant = Rational.Zero;
            foreach (var (p, sign) in active[e].Left.Select(p => (p, 1)).Concat(active[e].Right.Select(p => (p, -1))))
            {
                if (index.TryGetValue(p, out var i))
                {
                    coefficients[i] += new Rational(sign, 1);
                }
                else
                {
                    constant -= new Rational(sign, 1) * Rational.FromDecimal(Values[p]);
                }
            }
            left[e] = constant;
            if (system.Add(coefficients, constant, e).Contradiction is { } contradiction && !ImpliedByPublishedChecks(Over(active, contradiction)))
            {
                Contradict(active, e, contradiction, left);
            }
        }
        var determined = system.Rows.Where(r => r.Determines).ToList();
        foreach (var row in determined)
        {
            var at = unknowns[row.Pivot];
            var value = row.Constant.ToDecimal();
            var combination = Combination(active, row);
            Record(at, value, $"{table.Label(at)} = {Amounts.Format(value)} ({combination})",
                $"{InputWord(at)}; determined by {Names(active, row)} taken together", null, value);
            Certify(at, Over(active, row));
        }
        var free = Enumerable.Range(0, unknowns.Count).Except(determined.Select(r => r.Pivot)).ToList();
        foreach (var component in Components(system, free))
        {
            Bound([.. component.Select(i => unknowns[i])], system.Rows.Where(r => !r.Determines && component.Contains(r.Pivot)).ToList(), component, active);
        }
    }

    /// <summary>An echelon row's combination as relation indices of the whole table.</summary>
    private Dictionary<int, Rational> Over(List<Relation> active, EchelonRow row) =>
        active.Select((r, e) => (r, e)).Where(x => !row.Combination[x.e].IsZero).ToDictionary(x => IndexOf(x.r), x => row.Combination[x.e]);

    /// <summary>A relation that contradicts the earlier ones through the blank cells they share.</summary>
    private void Contradict(List<Relation> active, int rejected, EchelonRow row, Rational[] left)
    {
        // The combination cancels every blank: its two sides claim different amounts for the same blank cells.
        var terms = active.Select((r, e) => (r, f: row.Combination[e], k: left[e])).Where(x => !x.f.IsZero).ToList();
        var first = terms.Where(x => x.f.Sign == terms[0].f.Sign).ToList();
        var second = terms.Except(first).ToList();
        static string Side(List<(Relation r, Rational f, Rational k)> side) => string.Join(" + ", side.Select(x =>
            (x.f == Rational.One || x.f == -Rational.One ? "" : $"{Amounts.Format((x.f.Sign < 0 ? -x.f : x.f).ToDecimal())} × ") + x.r.Name));
        static decimal Amount(List<(Relation r, Rational f, Rational k)> side) =>
            side.Aggregate(Rational.Zero, (sum, x) => sum + (x.f.Sign < 0 ? -x.f : x.f) * x.k).ToDecimal();
        var (a, b) = (Amount(first), Amount(second));
        var equation = $"{Side(first)} leave {Amounts.Format(a)} for the blank cells they share, {Side(second)} leave {Amounts.Format(b)}";
        var number = Add(new Finding(InconsistencyKind.System, active[rejected], string.Join(", ", terms.Select(x => x.r.Name)), equation,
            null, null, a - b, [.. terms.SelectMany(x => x.r.Members).Distinct()], []));
        setAside[active[rejected]] = number;
        foreach (var p in active[rejected].Right.Where(p => !Unknown.Contains(p) && !Derived.ContainsKey(p)))
        {
            Contested.TryAdd(p, $"published {Amounts.Format(Values[p])}, but {active[rejected].Name} contradicts {string.Join(", ", terms.Select(x => x.r).Where(r => r != active[rejected]).Select(r => r.Name))}: {equation} (inconsistency #{number})");
        }
    }

    /// <summary>Bounds each unknown of one connected group by min/max over the non-negative solutions.</summary>
    private void Bound(List<CellRef> cells, List<EchelonRow> rows, List<int> order, List<Relation> active)
    {
        var names = active.Where(r => r.Members.Any(cells.Contains)).Select(r => r.Name).ToList();
        var freedom = cells.Count - rows.Count;
        string Explanation(CellRef at) =>
            $"{InputWord(at)}; the totals fix only sums of the {cells.Count} unknowns they share ({freedom} degree{(freedom == 1 ? "" : "s")} of freedom): " +
            string.Join("; ", active.Where(r => r.Members.Contains(at)).Select(Remaining));
        if (!table.AssumeNonNegative)
        {
            cells.ForEach(at => Open[at] = new Openness(null, Explanation(at)));
            return;
        }
        var a = rows.Select(r => order.Select(i => r.Coefficients[i]).ToArray()).ToList();
        var b = rows.Select(r => r.Constant).ToList();
        var zero = new Rational[order.Count];
        if (NonNegativeProgram.Minimize(a, b, zero).Status == ProgramStatus.Infeasible)
        {
            var number = Add(new Finding(InconsistencyKind.Negative, null, string.Join(", ", names),
                $"{string.Join(", ", names)} have no solution without a negative amount", null, null, 0m, cells, []));
            cells.ForEach(at => Open[at] = new Openness(null, $"{Explanation(at)}; but no non-negative values satisfy them (inconsistency #{number})"));
            return;
        }
        for (var k = 0; k < order.Count; k++)
        {
            var at = cells[k];
            var objective = order.Select((_, j) => j == k ? Rational.One : Rational.Zero).ToArray();
            var min = NonNegativeProgram.Minimize(a, b, objective).Value.ToDecimal();
            var max = NonNegativeProgram.Minimize(a, b, [.. objective.Select(x => -x)]) is { Status: ProgramStatus.Optimal } m ? -m.Value.ToDecimal() : (decimal?)null;
            if (max == min)
            {
                Record(at, min, $"{table.Label(at)} = {Amounts.Format(min)} (the only non-negative value {string.Join(", ", names)} allow)",
                    $"{InputWord(at)}; {string.Join(", ", names)} leave no other non-negative value", null, min);
            }
            else
            {
                Open[at] = new Openness(new ValueRange(min, max), Explanation(at));
            }
        }
    }

    /// <summary>"column H18: A + B = 4,872": what a relation still says about its unknowns (named within the line).</summary>
    private string Remaining(Relation relation)
    {
        string Label(CellRef p) => relation.Kind switch
        {
            RelationKind.Row => p.Column is { } c ? table.ColumnLabel(c) : table.TotalLabel,
            RelationKind.Column => p.Row is { } r ? table.RowLabel(r) : table.TotalLabel,
            _ => table.Label(p),
        };
        var left = relation.Left.Where(Unknown.Contains).Select(Label).ToList();
        var right = relation.Right.Where(Unknown.Contains).Select(Label).ToList();
        var constant = relation.Right.Where(p => !Unknown.Contains(p)).Sum(p => Values[p]) - relation.Left.Where(p => !Unknown.Contains(p)).Sum(p => Values[p]);
        var rhs = right.Count == 0 ? Amounts.Format(constant)
            : string.Join(" + ", right) + (constant == 0 ? "" : constant > 0 ? $" + {Amounts.Format(constant)}" : $" − {Amounts.Format(-constant)}");
        var aside = setAside.TryGetValue(relation, out var n) ? $" (set aside: inconsistency #{n})" : "";
        return $"{relation.Name}: {(left.Count == 0 ? "0" : string.Join(" + ", left))} = {rhs}{aside}";
    }

    /// <summary>Groups of unknowns linked by a remaining equation (union–find over the echelon rows).</summary>
    private static List<List<int>> Components(LinearSystem system, List<int> free)
    {
        var parent = Enumerable.Range(0, system.Variables).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        foreach (var row in system.Rows.Where(r => !r.Determines))
        {
            foreach (var i in Enumerable.Range(0, system.Variables).Where(i => !row.Coefficients[i].IsZero))
            {
                parent[Find(i)] = Find(row.Pivot);
            }
        }
        return [.. free.GroupBy(Find).Select(g => g.Order().ToList())];
    }

    /// <summary>"row A + column H18 − row B": the combination of relations an echelon row stands for.</summary>
    private static string Combination(List<Relation> active, EchelonRow row)
    {
        var terms = active.Select((r, e) => (r, f: row.Combination[e])).Where(x => !x.f.IsZero).Select((x, i) =>
        {
            var sign = x.f.Sign < 0 ? (i == 0 ? "−" : " − ") : (i == 0 ? "" : " + ");
            var magnitude = x.f.Sign < 0 ? -x.f : x.f;
            var factor = magnitude == Rational.One ? "" : $"{Amounts.Format(magnitude.ToDecimal())} × ";
            return $"{sign}{factor}{x.r.Name}";
        });
        return string.Concat(terms);
    }

    private static string Names(List<Relation> active, EchelonRow row) =>
        string.Join(", ", active.Where((_, e) => !row.Combination[e].IsZero).Select(r => r.Name));
}
