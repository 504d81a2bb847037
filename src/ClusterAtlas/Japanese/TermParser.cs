namespace ClusterAtlas.Japanese;

/// <summary>
/// 実施期間: parses a programme term such as "H14年~H18年", "平成13~17年度" or the open "(H 1 9 年~)"
/// into fiscal start years. A bare end year takes the start's era (平成13~17 → 2001–2005).
/// </summary>
public static class TermParser
{
    private const char Tilde = '~';
    private const char Dash = '-';

    public static TermParseResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail("No term given (the text is empty).", []);
        }

        // から/まで ("from"/"until") say the same as ~ in running text: 平成19年度から.
        var compact = ParseText.Compact(text.Replace("から", "~", StringComparison.Ordinal));
        if (compact.EndsWith("まで", StringComparison.Ordinal))
        {
            compact = compact[..^2];
        }

        var separator = compact.Contains(Tilde, StringComparison.Ordinal) ? Tilde : Dash;
        var parts = compact.Split(separator);
        if (parts.Length > 2)
        {
            return Fail($"'{text}' has more than one '{separator}': expected one start and at most one end.", []);
        }

        var warnings = new List<string>();
        if (parts[0].Length == 0)
        {
            return Fail($"'{text}' has no start year.", warnings);
        }

        var start = EraYearReader.Read(parts[0], carriedEra: null, warnings);
        if (start.Error is not null)
        {
            return Fail($"Start of '{text}': {start.Error}", warnings);
        }

        // No separator at all: a one-year term such as "平成19年度".
        if (parts.Length == 1)
        {
            return new TermParseResult(start.Year, start.Year, warnings, null);
        }

        if (parts[1].Length == 0)
        {
            return new TermParseResult(start.Year, null, warnings, null);
        }

        var end = EraYearReader.Read(parts[1], start.Era, warnings);
        if (end.Error is not null)
        {
            return Fail($"End of '{text}': {end.Error}", warnings);
        }

        return end.Year < start.Year
            ? Fail(FormattableString.Invariant($"'{text}' ends (FY{end.Year}) before it starts (FY{start.Year})."), warnings)
            : new TermParseResult(start.Year, end.Year, warnings, null);
    }

    private static TermParseResult Fail(string error, IReadOnlyList<string> warnings) => new(null, null, warnings, error);
}
