namespace ClusterAtlas.Japanese;

/// <summary>元号: a Japanese era, e.g. 平成 (Heisei, 1989–2019).</summary>
/// <remarks>
/// Our own table rather than <c>JapaneseCalendar</c>: that class does no range validation
/// (平成32年 silently becomes 2020) and knows nothing of the letter forms (H19) or fiscal years.
/// </remarks>
internal sealed record JapaneseEra(string Name, char Abbreviation, char Letter, int FirstYear, int? LastEraYear)
{
    // Newest first, so the first era whose FirstYear ≤ a year is the one that names it.
    public static readonly IReadOnlyList<JapaneseEra> All =
    [
        new("令和", '令', 'R', 2019, null),
        new("平成", '平', 'H', 1989, 31),
        new("昭和", '昭', 'S', 1926, 64),
        new("大正", '大', 'T', 1912, 15),
        new("明治", '明', 'M', 1868, 45),
    ];

    public static JapaneseEra? FindByToken(string token) =>
        All.FirstOrDefault(e => token == e.Name
            || token == e.Abbreviation.ToString()
            || token == e.Letter.ToString());

    /// <summary>The era whose name the Gregorian year carries at its end (2019 → 令和, not 平成).</summary>
    public static JapaneseEra? Naming(int gregorianYear) => All.FirstOrDefault(e => e.FirstYear <= gregorianYear);

    public int ToGregorian(int eraYear) => FirstYear + eraYear - 1;

    /// <summary>"元" for the first year (元年), as every official document writes it.</summary>
    public string FormatYear(int gregorianYear)
    {
        var eraYear = gregorianYear - FirstYear + 1;
        return eraYear == 1 ? $"{Name}元" : FormattableString.Invariant($"{Name}{eraYear}");
    }
}
