using ClusterAtlas.Japanese;

namespace ClusterAtlas.Calendar;

/// <summary>A fiscal year (年度) as the API shows it: the Gregorian start year plus labels, e.g. 2007 / 平成19年度 / FY2007.</summary>
public sealed record FiscalYearDto(int Year, string Ja, string En)
{
    public static FiscalYearDto? From(int? year) =>
        year is { } y ? new FiscalYearDto(y, new FiscalYear(y).JapaneseLabel, new FiscalYear(y).EnglishLabel) : null;
}
