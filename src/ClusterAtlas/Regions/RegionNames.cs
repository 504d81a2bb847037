using ClusterAtlas.Japanese;

namespace ClusterAtlas.Regions;

/// <summary>Matching keys for region names: 「京都 およびけいはんな学研地域」 and 「京都およびけいはんな学研地域」 are one name.</summary>
public static class RegionNames
{
    public static string Key(string name) => JapaneseText.Normalize(name).Replace(" ", "", StringComparison.Ordinal);
}
