namespace ClusterAtlas.Fuzz.Targets;

/// <summary>The years the parsers support (EraYearReader's range: 明治元年 1868 to 2100).</summary>
internal static class YearRange
{
    public static bool Contains(int year) => year is >= 1868 and <= 2100;
}
