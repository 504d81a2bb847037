namespace ClusterAtlas.Japanese;

/// <summary>
/// Parses one fiscal year as published: 平成19年度, H19, Ｈ１９, 「H 1 9 年」, 令和元年度, 2007, FY2007.
/// Anything corrected along the way (OCR noise, years past an era's end) is reported as a warning.
/// </summary>
public static class FiscalYearParser
{
    public static FiscalYearParseResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FiscalYearParseResult(null, [], "No fiscal year given (the text is empty).");
        }

        var compact = ParseText.Compact(text);
        if (compact.Contains('~', StringComparison.Ordinal) || compact.Contains('-', StringComparison.Ordinal))
        {
            return new FiscalYearParseResult(null, [], $"'{text}' looks like a term (a range or an open end), not one year: use TermParser.");
        }

        var warnings = new List<string>();
        var token = EraYearReader.Read(compact, carriedEra: null, warnings);
        return token.Error is null
            ? new FiscalYearParseResult(token.Year, warnings, null)
            : new FiscalYearParseResult(null, warnings, $"Not a fiscal year: {token.Error}");
    }
}
