using System.Globalization;

namespace ClusterAtlas.Transfer;

/// <summary>
/// Every problem found, counted; the first <see cref="Keep"/> kept as text so that a file with a million bad rows
/// reports them all by count without holding a million messages.
/// </summary>
public sealed class ErrorList(int keep = ErrorList.DefaultKeep)
{
    public const int DefaultKeep = 1000;

    private readonly List<string> kept = [];

    public int Keep { get; } = keep;

    public int Count { get; private set; }

    public IReadOnlyList<string> Kept => kept;

    public void Add(string error)
    {
        Count++;
        if (kept.Count < Keep)
        {
            kept.Add(error);
        }
    }

    /// <summary>The kept errors, then "… and N more" when some were only counted.</summary>
    public IEnumerable<string> Lines() => Count > kept.Count
        ? kept.Append(string.Create(CultureInfo.InvariantCulture, $"… and {Count - kept.Count} more"))
        : kept;
}
