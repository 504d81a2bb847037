using System.Globalization;

namespace ClusterAtlas.International;

/// <summary>Names of the partner countries in Japanese and English (ISO 3166-1 alpha-2; EU as the union).</summary>
public static class CountryNames
{
    // Written out rather than taken from ICU: ICU's Japanese display names depend on the machine's UI culture.
    private static readonly Dictionary<string, (string Ja, string En)> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BD"] = ("バングラデシュ", "Bangladesh"), ["CH"] = ("スイス", "Switzerland"), ["CN"] = ("中国", "China"),
        ["DE"] = ("ドイツ", "Germany"), ["DK"] = ("デンマーク", "Denmark"), ["EG"] = ("エジプト", "Egypt"),
        ["EU"] = ("欧州連合", "European Union"), ["FI"] = ("フィンランド", "Finland"), ["FR"] = ("フランス", "France"),
        ["GB"] = ("英国", "United Kingdom"), ["ID"] = ("インドネシア", "Indonesia"), ["IT"] = ("イタリア", "Italy"),
        ["JP"] = ("日本", "Japan"), ["KR"] = ("韓国", "South Korea"), ["MY"] = ("マレーシア", "Malaysia"),
        ["NL"] = ("オランダ", "Netherlands"), ["SE"] = ("スウェーデン", "Sweden"), ["SG"] = ("シンガポール", "Singapore"),
        ["TW"] = ("台湾", "Taiwan"), ["US"] = ("米国", "United States"), ["AU"] = ("オーストラリア", "Australia"),
        ["CA"] = ("カナダ", "Canada"), ["IN"] = ("インド", "India"), ["TH"] = ("タイ", "Thailand"), ["VN"] = ("ベトナム", "Vietnam"),
    };

    public static string Japanese(string? code) => Lookup(code).Ja;

    public static string English(string? code) => Lookup(code).En;

    private static (string Ja, string En) Lookup(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return ("国・地域不明", "Country not stated");
        }
        if (Names.TryGetValue(code, out var names))
        {
            return names;
        }
        try
        {
            var english = new RegionInfo(code).EnglishName;
            return (english, english);
        }
        catch (ArgumentException)
        {
            return (code.ToUpperInvariant(), code.ToUpperInvariant());
        }
    }
}
