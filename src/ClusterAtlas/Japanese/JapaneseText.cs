using System.Globalization;
using System.Text;

namespace ClusterAtlas.Japanese;

/// <summary>
/// Search normalisation for Japanese text. The same function runs on write (the search column)
/// and on query, so it is idempotent: normalising twice changes nothing.
/// </summary>
public static class JapaneseText
{
    // 波ダッシュ (wave dash) and its full-width twin: both are written for "from … to" ranges.
    private const string WaveDashes = "〜～";

    // Hyphen, non-breaking hyphen, en/em dash, horizontal bar, minus, full-width hyphen-minus.
    // The prolonged sound mark ー is deliberately absent: it is part of words like クラスター.
    private const string Dashes = "‐‑–—―−－";

    private const char NonCharacterFffe = '\uFFFE';

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // NFKC folds width (ＬＳＩ→LSI, ｶﾞﾝ→ガン, １８→18).
        var folded = Nfkc(text);

        // A search key, never shown to users, so lower case (LSI/lsi) is safe; invariant so it is the same on every machine.
        folded = folded.ToLowerInvariant();
        folded = KanjiVariants.Fold(folded);
        folded = FoldPunctuation(folded);
        return CollapseWhitespace(folded);
    }

    public static IReadOnlyList<string> Bigrams(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var bigrams = new List<string>();
        var run = new List<string>();
        foreach (var element in TextElements(normalized))
        {
            if (IsSeparator(element))
            {
                EmitRun(run, bigrams);
                run.Clear();
            }
            else
            {
                run.Add(element);
            }
        }

        EmitRun(run, bigrams);
        return bigrams;
    }

    public static string BigramDocument(string? text) => string.Join(' ', Bigrams(Normalize(text)));

    /// <summary>Wave dashes to '~' and every dash to '-', as <see cref="Normalize"/> does.</summary>
    internal static string FoldPunctuation(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(WaveDashes.Contains(c, StringComparison.Ordinal) ? '~'
                : Dashes.Contains(c, StringComparison.Ordinal) ? '-'
                : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// NFKC that cannot throw. <see cref="string.Normalize(NormalizationForm)"/> throws ArgumentException on a lone
    /// surrogate (a .NET string may hold one) and on the noncharacter U+FFFE, which is valid UTF-8 (EF BF BE), so a
    /// query string carries it; both become U+FFFD first. Every parser in this folder normalises through this.
    /// </summary>
    internal static string Nfkc(string text) => ReplaceUnnormalizable(text).Normalize(NormalizationForm.FormKC);

    private static string ReplaceUnnormalizable(string text)
    {
        if (!text.Any(c => char.IsSurrogate(c) || c == NonCharacterFffe))
        {
            return text;
        }

        // Rune enumeration substitutes U+FFFD for every ill-formed code unit.
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(rune.Value == NonCharacterFffe ? Rune.ReplacementChar.ToString() : rune.ToString());
        }

        return builder.ToString();
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static IEnumerable<string> TextElements(string text)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }

    // Symbols count as separators too: after Normalize, '~' and '+' join words, they are not words.
    // Whitespace anywhere in the element counts: a "prepended concatenation mark" (U+0600–U+0605, U+08E2 …) joins
    // the next character into its text element even when that is a space (UAX #29, GB9b), and a bigram holding
    // that space would split into two tokens in the space-separated bigram document (found by fuzzing).
    private static bool IsSeparator(string element)
    {
        var rune = Rune.GetRuneAt(element, 0);
        return Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune) || Rune.IsControl(rune)
            || element.EnumerateRunes().Any(Rune.IsWhiteSpace);
    }

    private static void EmitRun(List<string> run, List<string> bigrams)
    {
        if (run.Count == 1)
        {
            bigrams.Add(run[0]);
            return;
        }

        for (var i = 0; i + 1 < run.Count; i++)
        {
            bigrams.Add(run[i] + run[i + 1]);
        }
    }
}
