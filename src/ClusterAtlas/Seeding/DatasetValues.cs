using System.Globalization;
using ClusterAtlas.Events;

namespace ClusterAtlas.Seeding;

/// <summary>Parsing of the small value vocabularies used in the dataset files ("no-data", "2008-12" …).</summary>
internal static class DatasetValues
{
    /// <summary>Parses kebab-case names ("no-data") into enum members (NoData).</summary>
    public static bool TryEnum<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text?.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out value)
        && Enum.IsDefined(value);

    /// <summary>"yyyy-MM-dd", "yyyy-MM" or "yyyy" → the first day it names and how precise it was.</summary>
    public static bool TryDate(string? text, out DateOnly? date, out DatePrecision precision)
    {
        date = null;
        precision = DatePrecision.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        (string format, DatePrecision p)[] formats =
            [("yyyy-MM-dd", DatePrecision.Day), ("yyyy-MM", DatePrecision.Month), ("yyyy", DatePrecision.Year)];
        foreach (var (format, p) in formats)
        {
            if (DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
                precision = p;
                return true;
            }
        }
        return false;
    }
}
