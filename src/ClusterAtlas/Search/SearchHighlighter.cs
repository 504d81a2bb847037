using System.Globalization;
using System.Text;
using ClusterAtlas.Japanese;

namespace ClusterAtlas.Search;

/// <summary>A run of text that either matched a search term or did not; the page escapes both and marks the first.</summary>
public sealed record TextSegment(string Text, bool Match);

/// <summary>
/// Finds search terms in displayed text the way the index does: each character is normalised (width, case, kanji
/// variants) before comparing, so 「ＬＳＩ」 is marked for "lsi" and 「髙」 for 「高」, and the original characters are shown.
/// </summary>
public static class SearchHighlighter
{
    public const int MaxTerms = 8;

    public static IReadOnlyList<string> Terms(string? query) =>
        [.. JapaneseText.Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(MaxTerms)];

    public static IReadOnlyList<TextSegment> Highlight(string? text, IReadOnlyList<string> terms)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var elements = new List<string>();
        var normalized = new StringBuilder();
        var owner = new List<int>();
        // A text repeats its characters: each distinct one is normalised once (NFKC and variants cost microseconds).
        var pieces = new Dictionary<string, string>(StringComparer.Ordinal);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (!pieces.TryGetValue(element, out var piece))
            {
                piece = element.All(char.IsWhiteSpace) ? " " : JapaneseText.Normalize(element);
                pieces[element] = piece;
            }
            foreach (var c in piece)
            {
                normalized.Append(c);
                owner.Add(elements.Count);
            }
            elements.Add(element);
        }
        var marked = new bool[elements.Count];
        var haystack = normalized.ToString();
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            // Overlapping matches ("aa" in "aaaa") share characters: mark each one once, and find them in one pass —
            // searching again after each match costs text × term steps (seconds for 20,000 characters).
            var markedUntil = 0;
            foreach (var at in Occurrences(haystack, term))
            {
                for (var i = Math.Max(at, markedUntil); i < at + term.Length; i++)
                {
                    marked[owner[i]] = true;
                }

                markedUntil = at + term.Length;
            }
        }
        var segments = new List<TextSegment>();
        var run = new StringBuilder();
        for (var i = 0; i < elements.Count; i++)
        {
            if (i > 0 && marked[i] != marked[i - 1])
            {
                segments.Add(new TextSegment(run.ToString(), marked[i - 1]));
                run.Clear();
            }
            run.Append(elements[i]);
        }
        segments.Add(new TextSegment(run.ToString(), marked[^1]));
        return segments;
    }

    /// <summary>Where <paramref name="term"/> starts in <paramref name="text"/>, overlaps included, in text + term steps (Knuth–Morris–Pratt).</summary>
    private static IEnumerable<int> Occurrences(string text, string term)
    {
        // border[i]: length of the longest proper prefix of term[..(i + 1)] that is also its suffix.
        var border = new int[term.Length];
        for (int i = 1, k = 0; i < term.Length; i++)
        {
            while (k > 0 && term[i] != term[k])
            {
                k = border[k - 1];
            }
            if (term[i] == term[k])
            {
                k++;
            }
            border[i] = k;
        }
        for (int i = 0, k = 0; i < text.Length; i++)
        {
            while (k > 0 && text[i] != term[k])
            {
                k = border[k - 1];
            }
            if (text[i] == term[k])
            {
                k++;
            }
            if (k == term.Length)
            {
                yield return i - term.Length + 1;
                k = border[k - 1];
            }
        }
    }
}
