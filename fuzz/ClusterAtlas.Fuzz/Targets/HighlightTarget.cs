using ClusterAtlas.Japanese;
using ClusterAtlas.Search;

namespace ClusterAtlas.Fuzz.Targets;

/// <summary>
/// SearchHighlighter: the text up to the first '\n' is the query, the rest the displayed text (without a '\n',
/// the input is both). Expected: never an exception. The segments must spell the text exactly (the page shows
/// the original characters) and alternate between marked and unmarked; terms are normalised, distinct, at most 8.
/// </summary>
public static class HighlightTarget
{
    public static void Run(byte[] data)
    {
        var input = FuzzInput.Text(data);
        var newline = input.IndexOf('\n', StringComparison.Ordinal);
        var (query, text) = newline < 0 ? (input, input) : (input[..newline], input[(newline + 1)..]);

        var terms = SearchHighlighter.Terms(query);
        FuzzInput.Check(terms.Count <= SearchHighlighter.MaxTerms, $"{terms.Count} terms");
        FuzzInput.Check(terms.All(t => t.Length > 0 && !t.Contains(' ', StringComparison.Ordinal) && JapaneseText.Normalize(t) == t), "a term is empty, spaced or not normalised");
        FuzzInput.Check(terms.Distinct(StringComparer.Ordinal).Count() == terms.Count, "duplicate terms");

        var segments = SearchHighlighter.Highlight(text, terms);
        FuzzInput.Check(string.Concat(segments.Select(s => s.Text)) == text, "segments do not spell the text");
        FuzzInput.Check(segments.All(s => s.Text.Length > 0), "an empty segment");
        for (var i = 1; i < segments.Count; i++)
        {
            FuzzInput.Check(segments[i].Match != segments[i - 1].Match, "two neighbouring segments with the same mark");
        }
    }
}
