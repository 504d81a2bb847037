using System.Numerics;

namespace ClusterAtlas.Search;

/// <summary>
/// How many of the sets added hold each member 0 … size − 1, for at most <c>capacity</c> sets. Kept bit-sliced: plane k
/// holds bit k of the counters of 64 members per word, so adding a set is a ripple-carry add of each of its words, a few
/// word operations per 64 members (a thousand matches at national scale carry 300,000 programme memberships: 0.45 ms
/// counted one by one). A set added several times in a row (records sharing their region's or programme's set, as
/// <see cref="FacetFacts"/> holds them once) is added once, times its repeats; finding repeats further apart in a hash
/// table cost more than it saved (0.05 ms per facet for a thousand organisations, every set their own).
/// </summary>
internal sealed class FacetTally
{
    private readonly int words;
    private readonly int capacity;
    private readonly ulong[] planes;
    private int added;
    private FacetSet? pending;
    private int repeats;

    public FacetTally(int size, int capacity)
    {
        Size = size;
        this.capacity = capacity;
        words = (size + 63) / 64;
        // No counter can exceed the number of sets added, so its bit length is enough planes.
        planes = new ulong[(32 - BitOperations.LeadingZeroCount((uint)capacity)) * words];
    }

    public int Size { get; }

    public void Add(FacetSet set)
    {
        if (++added > capacity)
        {
            throw new InvalidOperationException($"The tally was made for {capacity} sets.");
        }
        if (ReferenceEquals(set, pending))
        {
            repeats++;
            return;
        }
        Flush();
        (pending, repeats) = (set, 1);
    }

    private void Flush()
    {
        if (pending is null)
        {
            return;
        }
        var setWords = pending.Words;
        for (var i = 0; i < Math.Min(words, setWords.Length); i++)
        {
            if (setWords[i] == 0)
            {
                continue;
            }
            // Adding the set r times adds its word into the planes of r's bits.
            for (var bits = (uint)repeats; bits != 0; bits &= bits - 1)
            {
                var carry = setWords[i];
                for (var k = BitOperations.TrailingZeroCount(bits); carry != 0; k++)
                {
                    ref var plane = ref planes[k * words + i];
                    var sum = plane ^ carry;
                    carry &= plane;
                    plane = sum;
                }
            }
        }
        pending = null;
    }

    public int[] Counts()
    {
        Flush();
        var planeCount = planes.Length / Math.Max(1, words);
        var counts = new int[Size];
        for (var k = 0; k < planeCount; k++)
        {
            for (var i = 0; i < words; i++)
            {
                for (var w = planes[k * words + i]; w != 0; w &= w - 1)
                {
                    var member = i * 64 + BitOperations.TrailingZeroCount(w);
                    if (member < Size)
                    {
                        counts[member] |= 1 << k;
                    }
                }
            }
        }
        return counts;
    }
}
