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

        return TryNormalizeSimple(text) ?? NormalizeFully(text);
    }

    /// <summary>Every step, whatever the text holds (ICU's NFKC included).</summary>
    internal static string NormalizeFully(string text)
    {
        // NFKC folds width (ＬＳＩ→LSI, ｶﾞﾝ→ガン, １８→18).
        var folded = Nfkc(text);

        // A search key, never shown to users, so lower case (LSI/lsi) is safe; invariant so it is the same on every machine.
        folded = folded.ToLowerInvariant();
        folded = KanjiVariants.Fold(folded);
        folded = FoldPunctuation(folded);
        return CollapseWhitespace(folded);
    }

    /// <summary>
    /// The bigrams of each run of word characters (a run of one gives that character), runs split at whitespace,
    /// punctuation, symbols and controls, over text elements (user-perceived characters).
    /// </summary>
    public static IReadOnlyList<string> Bigrams(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return TryBigramsSimple(normalized) ?? BigramsByTextElement(normalized);
    }

    /// <summary>
    /// <see cref="Bigrams"/> char by char, for text made only of characters that are each a text element of their own
    /// whatever their neighbours (printable ASCII, CJK symbols and punctuation U+3000–3011, hiragana, katakana, unified
    /// kanji: none combines, joins or extends under UAX #29). Null for any other text. Splitting text elements with
    /// StringInfo cost the search index rebuild 2.2 s of its 11 s at 100k projects (12 µs an entry).
    /// </summary>
    internal static List<string>? TryBigramsSimple(string normalized)
    {
        if (!IsSimple(normalized))
        {
            return null;
        }
        var bigrams = new List<string>(normalized.Length);
        foreach (var (start, length) in SimpleBigrams(normalized))
        {
            bigrams.Add(normalized.Substring(start, length));
        }
        return bigrams;
    }

    private static bool IsSimple(string normalized)
    {
        foreach (var c in normalized)
        {
            if (!(c is (>= ' ' and <= '~') or (>= '\u3000' and <= '\u3011') or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FF')
                or (>= '\u4E00' and <= '\u9FFF')))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Where the bigrams of simple text (<see cref="IsSimple"/>) are, as start and length: two characters each, or one
    /// for a run of a single word character.
    /// </summary>
    private static IEnumerable<(int Start, int Length)> SimpleBigrams(string normalized)
    {
        var start = 0;
        for (var i = 0; i <= normalized.Length; i++)
        {
            if (i < normalized.Length && !IsSeparator(normalized[i]))
            {
                continue;
            }
            if (i - start == 1)
            {
                yield return (start, 1);
            }
            for (var j = start; j + 1 < i; j++)
            {
                yield return (j, 2);
            }
            start = i + 1;
        }
    }

    /// <summary>
    /// Each of <see cref="Bigrams"/> once, in the order they first occur, separated by spaces (a search index's bigram
    /// column: a term is one token, so repeats and positions do not matter). Simple text is done without a string per bigram.
    /// </summary>
    public static string DistinctBigramDocument(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (!IsSimple(normalized))
        {
            return string.Join(' ', BigramsByTextElement(normalized).Distinct(StringComparer.Ordinal));
        }
        var seen = new HashSet<int>();
        var document = new StringBuilder(normalized.Length * 3);
        foreach (var (start, length) in SimpleBigrams(normalized))
        {
            // A lone character's key has 0 as its second half, which no simple text holds.
            if (seen.Add((normalized[start] << 16) | (length == 2 ? normalized[start + 1] : 0)))
            {
                document.Append(document.Length > 0 ? " " : "").Append(normalized, start, length);
            }
        }
        return document.ToString();
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsControl(c);

    /// <summary><see cref="Bigrams"/> over text elements as StringInfo splits them: any text.</summary>
    internal static List<string> BigramsByTextElement(string normalized)
    {
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

    /// <summary>
    /// <see cref="Normalize"/> without ICU for text made only of characters whose every step is known: kanji of the
    /// unified block that have no folded variant, hiragana, katakana (with ・ and ー) and 々 stay as they are (NFKC
    /// composes nothing among them); printable ASCII and its full-width forms (ＡＢＣ, （）, ～) become ASCII, lower case;
    /// spaces collapse. Null when the text holds anything else. Most names and titles qualify, and ICU's NFKC costs
    /// microseconds per call: a search checks a thousand titles, an import normalises millions of texts.
    /// </summary>
    internal static string? TryNormalizeSimple(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            var ascii = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            if (ascii == ' ')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (ascii is > ' ' and <= '~')
            {
                ascii = ascii is >= 'A' and <= 'Z' ? (char)(ascii + 32) : ascii;
            }
            else if (!(c is (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FC') or '\u3005'
                || (c is >= '\u4E00' and <= '\u9FFF' && !KanjiVariants.IsVariant(c))))
            {
                return null;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(ascii);
        }
        return builder.ToString();
    }

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
