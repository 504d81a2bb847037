using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ClusterAtlas.Japanese;

/// <summary>
/// Reads numbers as Japanese government tables publish them: full-width digits, "70, 599" (a space
/// after the comma from PDF extraction), ▲/△ negatives, 約/程度 qualifiers, units and footnote marks.
/// </summary>
public static partial class JapaneseNumber
{
    // Longest first, so 百万円 is not read as 円 with "百万" left over.
    private static readonly string[] Units = ["百万円", "千円", "万円", "億円", "円", "大学", "課題", "機関", "社", "件", "人", "名", "%", "倍"];

    private static readonly string[] ApproximatePrefixes = ["約", "概ね", "おおむね", "およそ"];
    private static readonly string[] ApproximateSuffixes = ["程度", "前後", "弱"];
    private static readonly string[] LowerBoundSuffixes = ["を超える", "超", "以上"];

    private const int MaxIntegerDigits = 18;

    // ▲ and △ are the accounting minus signs; NFKC leaves them (and U+2212) alone.
    private static readonly char[] NegativeSigns = ['▲', '△', '-'];

    public static ParsedNumber Parse(string? text)
    {
        // NFKC: ５，１３９ → 5,139, ％ → %, （＊） → (*); then every dash (−, ―, －) becomes '-'.
        var body = JapaneseText.FoldPunctuation(JapaneseText.Nfkc(text ?? string.Empty)).Trim();
        var footnote = TakeFootnote(ref body);
        body = RemoveWhitespace(body);

        if (body.Length == 0 || body.All(c => c == '-'))
        {
            return new ParsedNumber { IsNoData = true, Footnote = footnote };
        }

        var approximate = TakePrefix(ref body, ApproximatePrefixes);
        var lowerBound = false;
        string? unit = null;
        for (var changed = true; changed;)
        {
            changed = false;
            if (TakeSuffix(ref body, LowerBoundSuffixes))
            {
                lowerBound = changed = true;
            }

            if (TakeSuffix(ref body, ApproximateSuffixes))
            {
                approximate = changed = true;
            }

            if (unit is null && Units.FirstOrDefault(u => body.EndsWith(u, StringComparison.Ordinal)) is { } found)
            {
                unit = found;
                body = body[..^found.Length];
                changed = true;
            }
        }

        var negative = body.Length > 0 && NegativeSigns.Contains(body[0]);
        var digits = negative ? body[1..] : body;
        if (!NumberPattern().IsMatch(digits))
        {
            return new ParsedNumber { Error = $"Not a number: '{text}' (could not read '{body}').", Footnote = footnote };
        }

        // decimal overflows past 28 digits, and 億円 → 百万円 multiplies by 100; no published figure comes near
        // 10^18 (the national budget is about 10^14 円), so a longer digit string is merged cells, not a number.
        var integerDigits = digits.TakeWhile(c => c != '.').Count(char.IsAsciiDigit);
        if (integerDigits > MaxIntegerDigits)
        {
            return new ParsedNumber { Error = FormattableString.Invariant($"Not a number: '{text}' has {integerDigits} digits before the decimal point (at most {MaxIntegerDigits})."), Footnote = footnote };
        }

        var value = decimal.Parse(digits.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new ParsedNumber
        {
            Value = negative ? -value : value,
            Unit = unit,
            IsApproximate = approximate,
            IsLowerBound = lowerBound,
            Footnote = footnote,
        };
    }

    /// <summary>
    /// 百万円 (million yen) is how the registry stores money. <paramref name="assumedUnit"/> is the unit a
    /// table header states for cells written without one. Null for non-money units or missing values.
    /// </summary>
    public static decimal? ToMillionYen(ParsedNumber number, string? assumedUnit = null)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Value is not decimal value ? null : (number.Unit ?? assumedUnit) switch
        {
            "百万円" => value,
            "億円" => value * 100m,
            "千円" => value / 1_000m,
            "万円" => value / 100m,
            "円" => value / 1_000_000m,
            _ => null,
        };
    }

    private static string? TakeFootnote(ref string body)
    {
        var match = FootnotePattern().Match(body);
        if (!match.Success)
        {
            return null;
        }

        body = body[..match.Index].TrimEnd();
        return match.Value.Trim();
    }

    private static string RemoveWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => !char.IsWhiteSpace(c)))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool TakePrefix(ref string body, string[] prefixes)
    {
        var text = body;
        var prefix = prefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.Ordinal));
        if (prefix is null)
        {
            return false;
        }

        body = body[prefix.Length..];
        return true;
    }

    private static bool TakeSuffix(ref string body, string[] suffixes)
    {
        var text = body;
        var suffix = suffixes.FirstOrDefault(s => text.EndsWith(s, StringComparison.Ordinal));
        if (suffix is null)
        {
            return false;
        }

        body = body[..^suffix.Length];
        return true;
    }

    // "※" starts a note that runs to the end; "(*)", "(<u>*</u>)" (underline kept by extraction) and "*1" are marks.
    [GeneratedRegex(@"(?s)(?:※.*|\(\s*(?:<u>)?\s*\*\s*[0-9]*\s*(?:</u>)?\s*\)|(?:<u>)?\*[0-9]*(?:</u>)?)\s*$")]
    private static partial Regex FootnotePattern();

    // Either correct thousands grouping or no commas at all; "1,2345" is two merged cells, not a number.
    [GeneratedRegex(@"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
