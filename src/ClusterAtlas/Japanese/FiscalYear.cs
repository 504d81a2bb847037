using System.Globalization;

namespace ClusterAtlas.Japanese;

/// <summary>年度: the Japanese fiscal year, April of <see cref="StartYear"/> to March of the next year.</summary>
public readonly record struct FiscalYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>"平成19年度". FY2019 is 令和元年度 (the government's usage), though it began in 平成31年.</summary>
    public string JapaneseLabel
    {
        get
        {
            var era = JapaneseEra.Naming(StartYear);
            var year = era is null ? StartYear.ToString(CultureInfo.InvariantCulture) : era.FormatYear(StartYear);
            return $"{year}年度";
        }
    }

    public string EnglishLabel => $"FY{StartYear.ToString(CultureInfo.InvariantCulture)}";

    public static FiscalYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public override string ToString() => EnglishLabel;
}
