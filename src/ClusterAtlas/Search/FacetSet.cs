using System.Numerics;

namespace ClusterAtlas.Search;

/// <summary>
/// A set of small integers (dense indices of facet values: programmes, ministries, fields, prefectures) as a bit array.
/// A record can inherit the facets of several regions with hundreds of programmes each at national scale; ORing a few
/// words per region keeps that cheap where hash sets of codes would not be.
/// </summary>
public sealed class FacetSet
{
    private ulong[] words = [];

    /// <summary>A set with no members, shared: adding to it throws.</summary>
    public static FacetSet Empty { get; } = new();

    public void Add(int index)
    {
        Grow(index / 64 + 1);
        words[index / 64] |= 1UL << (index % 64);
    }

    public void UnionWith(FacetSet other)
    {
        Grow(other.words.Length);
        for (var i = 0; i < other.words.Length; i++)
        {
            words[i] |= other.words[i];
        }
    }

    public bool Contains(int index) => index / 64 < words.Length && (words[index / 64] & (1UL << (index % 64))) != 0;

    public bool Overlaps(FacetSet other)
    {
        for (var i = 0; i < Math.Min(words.Length, other.words.Length); i++)
        {
            if ((words[i] & other.words[i]) != 0)
            {
                return true;
            }
        }
        return false;
    }

    internal ReadOnlySpan<ulong> Words => words;

    /// <summary>The members in ascending order.</summary>
    public IEnumerable<int> Members()
    {
        for (var i = 0; i < words.Length; i++)
        {
            for (var w = words[i]; w != 0; w &= w - 1)
            {
                yield return i * 64 + BitOperations.TrailingZeroCount(w);
            }
        }
    }

    private void Grow(int length)
    {
        if (ReferenceEquals(this, Empty))
        {
            throw new InvalidOperationException("The shared empty facet set cannot change.");
        }
        if (words.Length < length)
        {
            Array.Resize(ref words, length);
        }
    }
}
