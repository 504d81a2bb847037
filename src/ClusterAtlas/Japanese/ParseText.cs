using System.Text;

namespace ClusterAtlas.Japanese;

/// <summary>Shared clean-up for the year and term parsers: one canonical, space-free, upper-case form.</summary>
internal static class ParseText
{
    private static readonly (char Open, char Close)[] Brackets = [('(', ')'), ('「', '」'), ('『', '』'), ('[', ']')];

    public static string Compact(string text)
    {
        // NFKC first: full-width Ｈ１９ and （ ） become ASCII; then the dash and wave-dash folding.
        var folded = JapaneseText.FoldPunctuation(JapaneseText.Nfkc(text));
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            // PDF extraction puts spaces between digits ("H 1 9 年"), so every space goes.
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return StripBrackets(builder.ToString());
    }

    private static string StripBrackets(string text)
    {
        // One pair per pass, re-checking the length: "()" leaves "", which has no first character to test
        // (that check was missing, and "()" threw IndexOutOfRangeException; found by fuzzing).
        for (var stripped = true; stripped && text.Length >= 2;)
        {
            stripped = false;
            foreach (var (open, close) in Brackets)
            {
                if (text[0] == open && text[^1] == close)
                {
                    text = text[1..^1];
                    stripped = true;
                    break;
                }
            }
        }

        return text;
    }
}
