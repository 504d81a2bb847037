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
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var piece = element.All(char.IsWhiteSpace) ? " " : JapaneseText.Normalize(element);
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
            // Overlapping matches ("aa" in "aaaa") share characters: mark each one once, or a long repetitive
            // term costs text × term steps (seconds for 20,000 characters).
            var markedUntil = 0;
            for (var at = haystack.IndexOf(term, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(term, at + 1, StringComparison.Ordinal))
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
}
