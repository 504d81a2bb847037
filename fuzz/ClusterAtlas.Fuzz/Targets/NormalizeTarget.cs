using ClusterAtlas.Japanese;

namespace ClusterAtlas.Fuzz.Targets;

/// <summary>
/// JapaneseText.Normalize and Bigrams. Expected: never an exception. Normalize runs on write and on query, so it
/// must be idempotent (its documented contract) and leave single inner spaces only; bigrams hold no whitespace.
/// </summary>
public static class NormalizeTarget
{
    public static void Run(byte[] data)
    {
        var normalized = JapaneseText.Normalize(FuzzInput.Text(data));
        FuzzInput.Check(JapaneseText.Normalize(normalized) == normalized, $"not idempotent: '{normalized}' normalises to '{JapaneseText.Normalize(normalized)}'");
        FuzzInput.Check(!normalized.StartsWith(' ') && !normalized.EndsWith(' ') && !normalized.Contains("  ", StringComparison.Ordinal), "spaces not collapsed");
        FuzzInput.Check(!normalized.Any(c => char.IsWhiteSpace(c) && c != ' '), "whitespace other than ' ' left");
        foreach (var bigram in JapaneseText.Bigrams(normalized))
        {
            FuzzInput.Check(bigram.Length > 0 && !bigram.Any(char.IsWhiteSpace), $"bigram '{bigram}'");
        }
    }
}
