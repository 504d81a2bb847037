using System.Globalization;

namespace ClusterAtlas.Reconciliation;

/// <summary>How figures are written in explanations: thousands separators, the true minus sign for operators.</summary>
internal static class Amounts
{
    public static string Format(decimal value) =>
        value < 0 ? "−" + Format(-value) : value.ToString("#,##0.##########", CultureInfo.InvariantCulture);

    public static string Format(ValueRange range) =>
        range.Max is { } max ? $"{Format(range.Min)}–{Format(max)}" : $"≥ {Format(range.Min)}";

    /// <summary>"a + b + c", or "sum (n what)" when more than <see cref="Listed"/> terms would crowd a terminal line.</summary>
    public static string Sum(IReadOnlyList<decimal> terms, string what) =>
        terms.Count == 0 ? "0"
        : terms.Count > Listed ? $"{Format(terms.Sum())} (sum of {terms.Count} {what})"
        : string.Join(" + ", terms.Select(Format));

    /// <summary>"a + b + c = s", or "sum of the n what = s" for long lists.</summary>
    public static string Total(IReadOnlyList<decimal> terms, string what) =>
        terms.Count > Listed ? $"sum of the {terms.Count} {what} = {Format(terms.Sum())}"
        : terms.Count == 1 ? Format(terms[0])
        : $"{Sum(terms, what)} = {Format(terms.Sum())}";

    /// <summary>"p1 + p2 − m1 − m2" with the same abbreviation for long lists.</summary>
    public static string Difference(IReadOnlyList<decimal> plus, IReadOnlyList<decimal> minus, string what)
    {
        var head = plus.Count == 0 ? "0" : Sum(plus, what);
        if (minus.Count == 0)
        {
            return head;
        }
        var tail = minus.Count > Listed
            ? $"{Format(minus.Sum())} (sum of the other {minus.Count} {what})"
            : string.Join(" − ", minus.Select(Format));
        return $"{head} − {tail}";
    }

    /// <summary>"+4,510" / "−4,510": differences carry their sign.</summary>
    public static string Signed(decimal value) => value > 0 ? "+" + Format(value) : Format(value);

    private const int Listed = 6;
}
