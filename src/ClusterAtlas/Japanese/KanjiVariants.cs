using System.Text;

namespace ClusterAtlas.Japanese;

/// <summary>異体字: variant kanji that name registers write both ways (髙橋/高橋, 渡邊/渡辺).</summary>
/// <remarks>
/// NFKC folds only compatibility characters, and most of these variants are ordinary unified
/// ideographs, so they must be folded by hand or a search for 高橋 misses 髙橋.
/// This is the single place to extend the table; every target is the common 常用 form.
/// </remarks>
internal static class KanjiVariants
{
    private static readonly Dictionary<Rune, Rune> Table = Build(
        ("邊", "辺"), ("邉", "辺"),
        ("髙", "高"),
        ("齋", "斎"), ("齊", "斎"),
        ("﨑", "崎"), ("嵜", "崎"),
        ("濵", "浜"), ("濱", "浜"),
        ("澤", "沢"),
        ("國", "国"),
        ("櫻", "桜"),
        ("廣", "広"),
        ("德", "徳"),
        ("眞", "真"),
        ("黑", "黒"));

    /// <summary>Whether the character (of the Basic Multilingual Plane) is a variant that <see cref="Fold"/> replaces.</summary>
    public static bool IsVariant(char c) => Table.ContainsKey(new Rune(c));

    public static string Fold(string text)
    {
        // Fast path: most strings contain none of the variants.
        if (!text.EnumerateRunes().Any(Table.ContainsKey))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(Table.TryGetValue(rune, out var folded) ? folded.ToString() : rune.ToString());
        }

        return builder.ToString();
    }

    private static Dictionary<Rune, Rune> Build(params (string Variant, string Common)[] pairs) =>
        pairs.ToDictionary(p => Rune.GetRuneAt(p.Variant, 0), p => Rune.GetRuneAt(p.Common, 0));
}
