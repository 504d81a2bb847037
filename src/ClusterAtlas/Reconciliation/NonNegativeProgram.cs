namespace ClusterAtlas.Reconciliation;

internal enum ProgramStatus { Optimal, Infeasible, Unbounded }

internal readonly record struct ProgramOutcome(ProgramStatus Status, Rational Value);

/// <summary>
/// min c·x subject to A·x = b, x ≥ 0: a two-phase simplex on exact fractions with Bland's rule (which cannot cycle).
/// The systems here are a handful of blank cells, so a dense tableau is plenty.
/// </summary>
internal static class NonNegativeProgram
{
    public static ProgramOutcome Minimize(IReadOnlyList<Rational[]> a, IReadOnlyList<Rational> b, Rational[] c)
    {
        int m = a.Count, n = c.Length;
        // Tableau: n real columns, m artificial columns, then the right-hand side.
        var t = new Rational[m][];
        var basis = new int[m];
        for (var i = 0; i < m; i++)
        {
            var flip = b[i].Sign < 0 ? -Rational.One : Rational.One;
            t[i] = new Rational[n + m + 1];
            for (var j = 0; j < n; j++)
            {
                t[i][j] = a[i][j] * flip;
            }
            t[i][n + i] = Rational.One;
            t[i][n + m] = b[i] * flip;
            basis[i] = n + i;
        }
        var phaseOne = Enumerable.Range(0, n + m).Select(j => j >= n ? Rational.One : Rational.Zero).ToArray();
        Run(t, basis, phaseOne, n + m);
        if (Objective(t, basis, phaseOne).Sign > 0)
        {
            return new ProgramOutcome(ProgramStatus.Infeasible, Rational.Zero);
        }
        // Drive artificial variables out of the basis; a row with no real coefficient left is redundant.
        for (var i = 0; i < m; i++)
        {
            if (basis[i] >= n && Array.FindIndex(t[i], 0, n, x => !x.IsZero) is var j and >= 0)
            {
                Pivot(t, basis, i, j);
            }
        }
        var phaseTwo = Enumerable.Range(0, n + m).Select(j => j < n ? c[j] : Rational.Zero).ToArray();
        return Run(t, basis, phaseTwo, n)
            ? new ProgramOutcome(ProgramStatus.Optimal, Objective(t, basis, phaseTwo))
            : new ProgramOutcome(ProgramStatus.Unbounded, Rational.Zero);
    }

    /// <summary>Pivots until optimal (true) or unbounded (false); only columns below <paramref name="entering"/> may enter.</summary>
    private static bool Run(Rational[][] t, int[] basis, Rational[] cost, int entering)
    {
        var rhs = t.Length == 0 ? 0 : t[0].Length - 1;
        while (true)
        {
            var column = -1;
            for (var j = 0; j < entering && column < 0; j++)
            {
                var reduced = cost[j];
                for (var i = 0; i < t.Length; i++)
                {
                    reduced -= cost[basis[i]] * t[i][j];
                }
                if (reduced.Sign < 0)
                {
                    column = j;
                }
            }
            if (column < 0)
            {
                return true;
            }
            var row = -1;
            var best = Rational.Zero;
            for (var i = 0; i < t.Length; i++)
            {
                if (t[i][column].Sign > 0)
                {
                    var ratio = t[i][rhs] / t[i][column];
                    if (row < 0 || ratio < best || (ratio == best && basis[i] < basis[row]))
                    {
                        (row, best) = (i, ratio);
                    }
                }
            }
            if (row < 0)
            {
                return false;
            }
            Pivot(t, basis, row, column);
        }
    }

    private static void Pivot(Rational[][] t, int[] basis, int row, int column)
    {
        var factor = t[row][column];
        t[row] = t[row].Select(x => x / factor).ToArray();
        for (var i = 0; i < t.Length; i++)
        {
            var f = t[i][column];
            if (i != row && !f.IsZero)
            {
                t[i] = t[i].Select((x, j) => x - f * t[row][j]).ToArray();
            }
        }
        basis[row] = column;
    }

    private static Rational Objective(Rational[][] t, int[] basis, Rational[] cost)
    {
        var value = Rational.Zero;
        for (var i = 0; i < t.Length; i++)
        {
            value += cost[basis[i]] * t[i][^1];
        }
        return value;
    }
}
