namespace ClusterAtlas.Generation;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fast, well-mixed generator whose output depends only on its seed,
/// on every machine and runtime (unlike System.Random, whose algorithm is not guaranteed across .NET versions).
/// Every generated row gets its own generator from (seed, table, row index), so a row can be produced again anywhere
/// — a source document can list the projects that the participations table writes later — with no state carried over.
/// </summary>
public struct SplitMix64(ulong state)
{
    private ulong state = state;

    /// <summary>The generator of row <paramref name="index"/> of the kind <paramref name="kind"/>.</summary>
    public static SplitMix64 For(ulong seed, RowKind kind, long index) =>
        new(Mix(seed ^ Mix(((ulong)kind << 48) ^ (ulong)index)));

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong Next()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>A number in [0, n): the high 32 bits scaled (Lemire), so no modulo bias worth mentioning for small n.</summary>
    public int Below(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)(((Next() >> 32) * (ulong)n) >> 32);
    }

    /// <summary>A number in [min, max] (both included).</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => Fraction() < p;

    /// <summary>A number in [0, 1) with 53 random bits.</summary>
    public double Fraction() => (Next() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];
}

/// <summary>The kinds of generated row, each with its own sequence of generators; their numbers are part of the output, so never renumber them.</summary>
public enum RowKind : ulong
{
    Region = 1, Programme, Project, Organisation, Person, Role, Observation, Link, Event, IndustrialCluster, Survey, Budget,
}
