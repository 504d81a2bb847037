using System.Globalization;
using ClusterAtlas.Japanese;

namespace ClusterAtlas.Fuzz.Targets;

/// <summary>
/// FiscalYearParser.Parse on the text. Expected: a result, never an exception (its documented contract).
/// A year it accepts must lie in the supported range and its own labels must parse back to it.
/// </summary>
public static class FiscalYearTarget
{
    public static void Run(byte[] data)
    {
        var result = FiscalYearParser.Parse(FuzzInput.Text(data));
        FuzzInput.Check(result.Success == (result.Error is null), "Success disagrees with Error");
        if (result.FiscalYear is not FiscalYear year)
        {
            return;
        }

        FuzzInput.Check(YearRange.Contains(year.StartYear), $"accepted FY{year.StartYear}, outside the supported years");
        foreach (var label in new[] { year.JapaneseLabel, year.EnglishLabel })
        {
            var again = FiscalYearParser.Parse(label);
            FuzzInput.Check(again.StartYear == year.StartYear, $"label '{label}' of FY{year.StartYear} parses as {again.StartYear?.ToString(CultureInfo.InvariantCulture) ?? again.Error}");
        }
    }
}
