using System.Numerics;

namespace ClusterAtlas.Search;

/// <summary>
/// How many of the sets added hold each member 0 … size − 1, for at most <c>capacity</c> sets, counted bit-sliced: plane
/// k holds bit k of the counters of 64 members per word, so adding a set is an add of each of its words into the planes,
/// a few word operations per 64 members (a thousand matches at national scale carry 300,000 programme memberships: 0.45 ms
/// counted one by one). Sets are first added into 4-bit counters with a fixed number of steps and carried into the wide
/// counters every 15 sets: a ripple that stops where the carry runs out branches unpredictably (18 ns a word against 7).
/// A set added several times in a row (records sharing their region's or programme's set, as <see cref="FacetFacts"/>
/// holds them once) is added once, times its repeats; finding repeats further apart in a hash table cost more than it
/// saved (0.05 ms per facet for a thousand organisations, every set their own).
/// </summary>
internal sealed class FacetTally
{
    private const int SmallPlanes = 4;
    private const int SmallLimit = (1 << SmallPlanes) - 1;
    private readonly int words;
    private readonly int capacity;
    private readonly ulong[] planes;
    private readonly ulong[] small;
    private int inSmall;
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
        small = new ulong[SmallPlanes * words];
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
        AddPending();
        (pending, repeats) = (set, 1);
    }

    public int[] Counts()
    {
        AddPending();
        CarrySmall();
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

    private void AddPending()
    {
        if (pending is null)
        {
            return;
        }
        var setWords = pending.Words;
        var n = Math.Min(words, setWords.Length);
        if (repeats == 1)
        {
            for (var i = 0; i < n; i++)
            {
                var carry = setWords[i];
                for (var k = 0; k < SmallPlanes; k++)
                {
                    ref var plane = ref small[k * words + i];
                    var sum = plane ^ carry;
                    carry &= plane;
                    plane = sum;
                }
            }
            if (++inSmall == SmallLimit)
            {
                CarrySmall();
            }
        }
        else
        {
            // Adding the set r times adds its words at the planes of r's bits.
            for (var i = 0; i < n; i++)
            {
                for (var bits = (uint)repeats; bits != 0; bits &= bits - 1)
                {
                    AddAt(BitOperations.TrailingZeroCount(bits), i, setWords[i]);
                }
            }
        }
        pending = null;
    }

    private void CarrySmall()
    {
        for (var k = 0; k < SmallPlanes; k++)
        {
            for (var i = 0; i < words; i++)
            {
                ref var plane = ref small[k * words + i];
                if (plane != 0)
                {
                    AddAt(k, i, plane);
                    plane = 0;
                }
            }
        }
        inSmall = 0;
    }

    /// <summary>Adds <paramref name="carry"/> (one word of members) times 2^<paramref name="level"/> to the wide counters.</summary>
    private void AddAt(int level, int i, ulong carry)
    {
        for (var k = level; carry != 0; k++)
        {
            ref var plane = ref planes[k * words + i];
            var sum = plane ^ carry;
            carry &= plane;
            plane = sum;
        }
    }
}
