namespace ClusterAtlas.Reconciliation;

/// <summary>
/// Certificates: every derived value is a combination of relations, so a later contradiction can be traced to
/// published figures only. A contradiction that the checks of published figures already imply (e.g. the row totals
/// against the column totals, then again through the blanks) is the same fact and is not reported twice.
/// </summary>
internal sealed partial class ReconciliationPass
{
    // For each derived position: the combination of relations (by index) whose sum reads "x = published figures".
    private readonly Dictionary<CellRef, Dictionary<int, Rational>> certificates = [];
    // The checks of published figures (holding or not), in reduced echelon form over positions.
    private readonly List<(CellRef Pivot, Dictionary<CellRef, Rational> Form)> publishedChecks = [];
    private Dictionary<Relation, int>? relationIndex;

    private int IndexOf(Relation relation) =>
        (relationIndex ??= relations.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, (IEqualityComparer<Relation>)ReferenceEqualityComparer.Instance))[relation];

    /// <summary>Σ Left − Σ Right as coefficients per position.</summary>
    private static Dictionary<CellRef, Rational> Form(Relation relation)
    {
        var form = new Dictionary<CellRef, Rational>();
        foreach (var p in relation.Left)
        {
            form[p] = form.GetValueOrDefault(p) + Rational.One;
        }
        foreach (var p in relation.Right)
        {
            form[p] = form.GetValueOrDefault(p) - Rational.One;
        }
        return form;
    }

    private Dictionary<CellRef, Rational> Combined(Dictionary<int, Rational> combination)
    {
        var form = new Dictionary<CellRef, Rational>();
        foreach (var (e, factor) in combination)
        {
            foreach (var (p, a) in Form(relations[e]))
            {
                form[p] = form.GetValueOrDefault(p) + factor * a;
            }
        }
        return form.Where(kv => !kv.Value.IsZero).ToDictionary();
    }

    /// <summary>Replaces each derived position in the combination's form by its own certificate.</summary>
    private Dictionary<int, Rational> Expand(Dictionary<int, Rational> combination)
    {
        var result = new Dictionary<int, Rational>(combination);
        foreach (var (p, a) in Combined(combination).Where(kv => certificates.ContainsKey(kv.Key)))
        {
            foreach (var (e, f) in certificates[p])
            {
                result[e] = result.GetValueOrDefault(e) - a * f;
            }
        }
        return result;
    }

    private void Certify(CellRef at, Dictionary<int, Rational> combination)
    {
        var expanded = Expand(combination);
        var scale = Combined(expanded).GetValueOrDefault(at);
        if (!scale.IsZero)
        {
            certificates[at] = expanded.ToDictionary(kv => kv.Key, kv => kv.Value / scale);
        }
    }

    private void AddPublishedCheck(Relation relation)
    {
        var form = Reduce(Form(relation));
        if (form.Count == 0)
        {
            return;
        }
        var pivot = form.Keys.First();
        var scale = form[pivot];
        form = form.ToDictionary(kv => kv.Key, kv => kv.Value / scale);
        for (var i = 0; i < publishedChecks.Count; i++)
        {
            var (p, f) = publishedChecks[i];
            publishedChecks[i] = (p, Subtract(f, form, f.GetValueOrDefault(pivot)));
        }
        publishedChecks.Add((pivot, form));
    }

    /// <summary>Whether the contradiction a combination of relations stands for follows from the published checks.</summary>
    private bool ImpliedByPublishedChecks(Dictionary<int, Rational> combination) => Reduce(Combined(Expand(combination))).Count == 0;

    private Dictionary<CellRef, Rational> Reduce(Dictionary<CellRef, Rational> form)
    {
        foreach (var (pivot, row) in publishedChecks)
        {
            form = Subtract(form, row, form.GetValueOrDefault(pivot));
        }
        return form;
    }

    private static Dictionary<CellRef, Rational> Subtract(Dictionary<CellRef, Rational> form, Dictionary<CellRef, Rational> row, Rational factor)
    {
        if (factor.IsZero)
        {
            return form;
        }
        var result = new Dictionary<CellRef, Rational>(form);
        foreach (var (p, a) in row)
        {
            result[p] = result.GetValueOrDefault(p) - factor * a;
        }
        return result.Where(kv => !kv.Value.IsZero).ToDictionary();
    }
}
