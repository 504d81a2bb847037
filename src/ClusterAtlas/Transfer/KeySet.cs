namespace ClusterAtlas.Transfer;

/// <summary>
/// The keys of one table seen while checking an import, in as little memory as the keys allow: integer keys arriving in
/// ascending order (as every dump writes them) sit in a sorted array, 4–8 bytes each, searched by bisection; integer keys
/// out of order fall back to a hash set; text keys use a hash set.
/// </summary>
internal sealed class KeySet
{
    private long[] sorted = new long[1024];
    private int count;
    private HashSet<long>? unordered;
    private HashSet<string>? texts;

    public int Count { get; private set; }

    /// <summary>Adds a key; false when it was already there.</summary>
    public bool Add(object key)
    {
        if (key is string text)
        {
            texts ??= new HashSet<string>(StringComparer.Ordinal);
            return Counted(texts.Add(text));
        }
        var value = Convert.ToInt64(key, System.Globalization.CultureInfo.InvariantCulture);
        if (unordered is not null)
        {
            return Counted(unordered.Add(value));
        }
        if (count == 0 || value > sorted[count - 1])
        {
            if (count == sorted.Length)
            {
                Array.Resize(ref sorted, sorted.Length * 2);
            }
            sorted[count++] = value;
            return Counted(true);
        }
        if (Array.BinarySearch(sorted, 0, count, value) >= 0)
        {
            return false;
        }
        // Out of order: move to a hash set from here on.
        unordered = [.. sorted.AsSpan(0, count).ToArray(), value];
        sorted = [];
        count = 0;
        return Counted(true);
    }

    public bool Contains(object key)
    {
        if (key is string text)
        {
            return texts?.Contains(text) == true;
        }
        var value = Convert.ToInt64(key, System.Globalization.CultureInfo.InvariantCulture);
        return unordered?.Contains(value) ?? Array.BinarySearch(sorted, 0, count, value) >= 0;
    }

    private bool Counted(bool added)
    {
        if (added)
        {
            Count++;
        }
        return added;
    }
}
