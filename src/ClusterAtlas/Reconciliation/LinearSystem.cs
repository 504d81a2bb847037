namespace ClusterAtlas.Reconciliation;

/// <summary>
/// Equations Σ a·x = c added one at a time and kept in reduced row echelon form. Each row remembers which of the
/// added equations (by index) it combines, so a determined value or a contradiction can be traced to its totals.
/// </summary>
internal sealed class LinearSystem(int variables, int equations)
{
    private readonly List<EchelonRow> rows = [];

    public IReadOnlyList<EchelonRow> Rows => rows;

    /// <summary>Adds equation <paramref name="index"/>; a contradiction is returned and the equation is not kept.</summary>
    public AddOutcome Add(Rational[] coefficients, Rational constant, int index)
    {
        var row = new EchelonRow((Rational[])coefficients.Clone(), constant, new Rational[equations], -1);
        row.Combination[index] = Rational.One;
        foreach (var basis in rows)
        {
            row = row.Minus(basis, row.Coefficients[basis.Pivot]);
        }
        var pivot = Array.FindIndex(row.Coefficients, a => !a.IsZero);
        if (pivot < 0)
        {
            return row.Constant.IsZero ? new AddOutcome(false, null) : new AddOutcome(false, row);
        }
        row = row.Scaled(Rational.One / row.Coefficients[pivot]) with { Pivot = pivot };
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i].Minus(row, rows[i].Coefficients[pivot]);
        }
        rows.Add(row);
        return new AddOutcome(true, null);
    }

    public int Variables => variables;
}

/// <param name="Added">The equation added information.</param>
/// <param name="Contradiction">Set when the equation contradicts the earlier ones: all coefficients 0, constant ≠ 0.</param>
internal sealed record AddOutcome(bool Added, EchelonRow? Contradiction);

/// <summary>Σ Coefficients·x = Constant, equal to Σ Combination[e]·(equation e).</summary>
internal sealed record EchelonRow(Rational[] Coefficients, Rational Constant, Rational[] Combination, int Pivot)
{
    /// <summary>Only the pivot is non-zero: the pivot variable equals the constant.</summary>
    public bool Determines => Coefficients.Where((a, i) => i != Pivot && !a.IsZero).Any() is false;

    public EchelonRow Minus(EchelonRow other, Rational factor) => factor.IsZero ? this : this with
    {
        Coefficients = Coefficients.Select((a, i) => a - factor * other.Coefficients[i]).ToArray(),
        Constant = Constant - factor * other.Constant,
        Combination = Combination.Select((a, i) => a - factor * other.Combination[i]).ToArray(),
    };

    public EchelonRow Scaled(Rational factor) => this with
    {
        Coefficients = Coefficients.Select(a => a * factor).ToArray(),
        Constant = Constant * factor,
        Combination = Combination.Select(a => a * factor).ToArray(),
    };
}
