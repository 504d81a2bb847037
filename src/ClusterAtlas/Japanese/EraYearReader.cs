using System.Globalization;
using System.Text.RegularExpressions;

namespace ClusterAtlas.Japanese;

/// <summary>Reads one compacted year token ("H19年度", "平成元年", "2007", "17年度") into a Gregorian year.</summary>
internal static partial class EraYearReader
{
    public const int MinGregorianYear = 1868; // 明治元年: no era labels exist before it.
    public const int MaxGregorianYear = 2100;

    // Characters that OCR produced for an era letter; never applied silently (see Read).
    private static readonly Dictionary<string, string> OcrEraNoise = new(StringComparer.Ordinal) { ["日"] = "H" };

    internal sealed record Token(int? Year, JapaneseEra? Era, string? Error);

    public static Token Read(string token, JapaneseEra? carriedEra, List<string> warnings)
    {
        var match = TokenPattern().Match(token);
        if (!match.Success)
        {
            return Fail($"'{token}' is not a year (expected e.g. 平成19年度, H19, 令和元年, 2007 or FY2007).");
        }

        var eraText = match.Groups["era"].Value;
        var yearText = match.Groups["year"].Value;
        if (OcrEraNoise.TryGetValue(eraText, out var corrected))
        {
            warnings.Add($"OCR noise: '{eraText}' read as '{corrected}'");
            eraText = corrected;
        }

        if (match.Groups["fy"].Success && eraText.Length > 0)
        {
            return Fail($"'{token}': 'FY' goes with a Gregorian year (FY2007), not an era year.");
        }

        if (eraText.Length == 0 && yearText.Length == 4)
        {
            return ReadGregorian(yearText);
        }

        var era = eraText.Length > 0 ? JapaneseEra.FindByToken(eraText) : carriedEra;
        if (era is null)
        {
            return Fail($"'{token}' has no era: write 平成{yearText} or H{yearText}, or a four-digit year.");
        }

        if (yearText.Length > 2)
        {
            return Fail($"'{token}': an era year has at most two digits.");
        }

        return ReadEraYear(era, yearText == "元" ? 1 : int.Parse(yearText, CultureInfo.InvariantCulture), warnings);
    }

    private static Token ReadGregorian(string yearText)
    {
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        return year is < MinGregorianYear or > MaxGregorianYear
            ? Fail(FormattableString.Invariant($"{yearText} is outside the supported years {MinGregorianYear}–{MaxGregorianYear}."))
            : new Token(year, null, null);
    }

    private static Token ReadEraYear(JapaneseEra era, int eraYear, List<string> warnings)
    {
        if (eraYear < 1)
        {
            return Fail(FormattableString.Invariant($"{era.Name}{eraYear} is not a year: era years start at 1 (元年)."));
        }

        var year = era.ToGregorian(eraYear);
        if (year > MaxGregorianYear)
        {
            // The same range as a Gregorian year, so 令和83年度 is refused like FY2101 (its own label).
            return Fail(FormattableString.Invariant($"{era.Name}{eraYear} is FY{year}, outside the supported years {MinGregorianYear}–{MaxGregorianYear}."));
        }

        if (era.LastEraYear is int last && eraYear > last)
        {
            // Plans written before an era ended still count on in it (平成32年度 = FY2020).
            var actual = JapaneseEra.Naming(year)!;
            warnings.Add(FormattableString.Invariant(
                $"{era.Name}{eraYear} is past the last year of {era.Name} ({era.Name}{last}); read as FY{year} ({actual.FormatYear(year)})"));
        }

        return new Token(year, era, null);
    }

    private static Token Fail(string error) => new(null, null, error);

    [GeneratedRegex(@"^(?:(?<fy>FY)|(?<era>令和|平成|昭和|大正|明治|[令平昭大明RHSTM日]))?(?<year>元|[0-9]+)(?:年度|年)?$")]
    private static partial Regex TokenPattern();
}
