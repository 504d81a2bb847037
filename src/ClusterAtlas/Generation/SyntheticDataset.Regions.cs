using ClusterAtlas.Generation.Vocabulary;
using ClusterAtlas.Regions;

namespace ClusterAtlas.Generation;

public sealed partial class SyntheticDataset
{
    private static readonly string[] ProposerKinds = ["prefecture", "designated-city", "municipality"];

    private readonly Dictionary<string, int> regionNamesSeen = new(StringComparer.Ordinal);

    private GeneratedRegion BuildRegion(int index)
    {
        var rng = Rng(RowKind.Region, index);
        var prefecture = rng.Pick(Places.All);
        var cityIndex = rng.Below(prefecture.Cities.Count);
        var city = prefecture.Cities[cityIndex];
        var other = prefecture.Cities[(cityIndex + 1) % prefecture.Cities.Count];
        var (ja, en) = rng.Below(6) switch
        {
            0 => ($"{prefecture.Ja}{city.Ja}地域", $"{city.En}, {prefecture.En}"),
            1 => ($"広域{city.Ja}地域", $"Greater {city.En}"),
            2 => ($"{city.Ja}周辺地域", $"{city.En} and surroundings"),
            3 => ($"{city.Ja}・{other.Ja}地域", $"{city.En} and {other.En}"),
            4 => ($"{city.Ja}を核とする{prefecture.Ja}地域", $"{prefecture.En} around {city.En}"),
            _ => ($"{city.Ja}地域", $"{city.En} Area"),
        };
        // Names repeat at scale (a few hundred cities); later ones are numbered, so a region's name still identifies it.
        var seen = regionNamesSeen.GetValueOrDefault(ja) + 1;
        regionNamesSeen[ja] = seen;
        if (seen > 1)
        {
            ja += FormattableString.Invariant($"（第{seen}）");
            en += FormattableString.Invariant($" ({seen})");
        }
        var prefectures = new List<Prefecture> { prefecture };
        if (rng.Chance(0.2))
        {
            var neighbour = rng.Pick(Places.All.Where(p => p.Block == prefecture.Block).ToList());
            if (neighbour != prefecture)
            {
                prefectures.Add(neighbour);
            }
        }
        var fields = new List<Field>();
        for (var n = rng.Between(1, 3); fields.Count < n;)
        {
            var field = rng.Pick(Themes.Fields);
            if (!fields.Contains(field))
            {
                fields.Add(field);
            }
        }
        var aliases = new List<string> { ja };
        if (rng.Chance(0.5))
        {
            aliases.Add($"{prefecture.Ja}{city.Ja}エリア");
        }
        var proposers = new List<(string, string)> { (prefecture.Ja, "prefecture") };
        if (rng.Chance(0.4))
        {
            proposers.Add((city.Ja + "市", rng.Pick(ProposerKinds[1..])));
        }
        var region = new Region
        {
            Id = index + 1, Code = FormattableString.Invariant($"rg-{index + 1:D5}"), NameJa = ja, NameEn = en,
            Latitude = Math.Round(prefecture.Latitude + (rng.Fraction() - 0.5) * 0.4, 4),
            Longitude = Math.Round(prefecture.Longitude + (rng.Fraction() - 0.5) * 0.4, 4),
            Note = rng.Chance(0.1) ? "synthetic region (atlas generate)" : null,
        };
        return new GeneratedRegion(region, prefecture, city, prefectures, fields, aliases, proposers);
    }

    public IEnumerable<Region> Regions() => regions.Select(r => r.Region);

    public IEnumerable<RegionAlias> RegionAliases()
    {
        var id = 0;
        foreach (var r in regions)
        {
            foreach (var name in r.Aliases)
            {
                yield return new RegionAlias { Id = ++id, RegionId = r.Region.Id, Name = name, NormalizedName = RegionNames.Key(name), Basis = Basis.Published };
            }
        }
    }

    public IEnumerable<RegionPrefecture> RegionPrefectures()
    {
        var id = 0;
        foreach (var r in regions)
        {
            foreach (var p in r.Prefectures)
            {
                yield return new RegionPrefecture { Id = ++id, RegionId = r.Region.Id, Prefecture = p.Ja };
            }
        }
    }

    public IEnumerable<RegionField> RegionFields()
    {
        var id = 0;
        foreach (var r in regions)
        {
            foreach (var f in r.Fields)
            {
                yield return new RegionField { Id = ++id, RegionId = r.Region.Id, Field = f.Ja };
            }
        }
    }

    public IEnumerable<RegionProposer> RegionProposers()
    {
        var id = 0;
        foreach (var r in regions)
        {
            foreach (var (name, kind) in r.Proposers)
            {
                yield return new RegionProposer { Id = ++id, RegionId = r.Region.Id, Name = name, Kind = kind };
            }
        }
    }
}
