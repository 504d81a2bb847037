using ClusterAtlas.Search;
using Xunit;

namespace ClusterAtlas.Tests.Search;

/// <summary>The portal's one-pass facet counts against counting each facet on its own, value by value.</summary>
public sealed class FacetCountsTests
{
    private static readonly string[] TypeOrder = [SearchTypes.Region, SearchTypes.Project, SearchTypes.Programme, SearchTypes.Organisation];

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 40)]
    [InlineData(4, 1000)]
    [InlineData(5, 1000)]
    [InlineData(6, 3000)]
    public void Count_EqualsEachFacetCountedOnItsOwn_WithEveryRecordThatPassesTheOtherSelections(int seed, int matches)
    {
        var random = new Random(seed);
        var facts = Facts(random, programmes: 1 + random.Next(300), fields: 1 + random.Next(50), prefectures: 47, ministries: 8);
        // Records share their sets as matches do (a project its region's), some carry sets of their own, some none.
        var shared = Enumerable.Range(0, 1 + random.Next(40)).Select(_ => Region(random, facts)).ToList();
        var profiles = new List<FacetProfile>();
        for (var i = 0; i < matches; i++)
        {
            var p = new FacetProfile { EntryId = i + 1, Type = TypeOrder[random.Next(TypeOrder.Length)], Id = i + 1 };
            switch (random.Next(3))
            {
                case 0: p.Take(shared[random.Next(shared.Count)]); break;
                case 1: p.Take(Region(random, facts)); break;
                default: break;
            }
            profiles.Add(p);
        }
        for (var round = 0; round < 8; round++)
        {
            var filters = Filters(random, facts, round);

            var counted = FacetCounts.Count(facts, new SelectedFacets(facts, filters), profiles, TypeOrder);

            var expected = Expected(facts, filters, profiles);
            var selected = new SelectedFacets(facts, filters);
            Assert.Equal(expected.Hits, profiles.Where(p => selected.Failing(p) == Facet.None).Select(p => p.EntryId));
            Assert.Equal(expected.Types, counted.Types.Select(f => (f.Value, f.Count)));
            Assert.Equal(expected.Programmes, counted.Programmes.Select(f => (f.Value, f.Count)));
            Assert.Equal(expected.Years, counted.FiscalYears.Select(f => (f.Value, f.Count)));
            Assert.Equal(expected.Fields, counted.Fields.Select(f => (f.Value, f.Count)));
            Assert.Equal(expected.Prefectures, counted.Prefectures.Select(f => (f.Value, f.Count)));
            Assert.Equal(expected.Ministries, counted.Ministries.Select(f => (f.Value, f.Count)));
        }
    }

    private sealed record Counted(
        List<int> Hits, List<(string, int)> Types, List<(string, int)> Programmes, List<(string, int)> Years,
        List<(string, int)> Fields, List<(string, int)> Prefectures, List<(string, int)> Ministries);

    /// <summary>Each facet over the records that pass every other facet's selection, counting values one by one.</summary>
    private static Counted Expected(FacetFacts facts, SearchFilters filters, List<FacetProfile> profiles)
    {
        static bool Any(FacetSet set, IReadOnlyList<string> vocabulary, IReadOnlyCollection<string> chosen) =>
            chosen.Count == 0 || set.Members().Any(i => i < vocabulary.Count && chosen.Contains(vocabulary[i]));
        var programmeCodes = facts.ProgrammesByIndex.Select(p => p.Code).ToList();
        var ministryCodes = facts.Ministries.Select(m => m.Code).ToList();
        bool Passes(FacetProfile p, string except) =>
            (except == "type" || filters.Types.Count == 0 || filters.Types.Contains(p.Type))
            && (except == "programme" || Any(p.Programmes, programmeCodes, filters.Programmes))
            && (except == "year" || (filters.FiscalYearFrom is null && filters.FiscalYearTo is null)
                || (p.From is { } from && (filters.FiscalYearTo is null || from <= filters.FiscalYearTo) && (filters.FiscalYearFrom is null || p.To >= filters.FiscalYearFrom)))
            && (except == "field" || Any(p.Fields, facts.Fields, filters.Fields))
            && (except == "prefecture" || Any(p.Prefectures, facts.Prefectures, filters.Prefectures))
            && (except == "ministry" || Any(p.Ministries, ministryCodes, filters.Ministries));
        static List<(string, int)> Ranked(IEnumerable<string> values) =>
            [.. values.GroupBy(v => v).Select(g => (g.Key, g.Count())).OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal)];
        List<(string, int)> Members(string facet, Func<FacetProfile, FacetSet> set, IReadOnlyList<string> vocabulary) =>
            Ranked(profiles.Where(p => Passes(p, facet)).SelectMany(p => set(p).Members().Where(i => i < vocabulary.Count).Select(i => vocabulary[i])));
        return new Counted(
            [.. profiles.Where(p => Passes(p, "")).Select(p => p.EntryId)],
            [.. Ranked(profiles.Where(p => Passes(p, "type")).Select(p => p.Type)).OrderBy(c => Array.IndexOf(TypeOrder, c.Item1))],
            Members("programme", p => p.Programmes, programmeCodes),
            [.. profiles.Where(p => Passes(p, "year") && p.From is not null)
                .SelectMany(p => Enumerable.Range(p.From!.Value, p.To!.Value - p.From.Value + 1))
                .GroupBy(y => y).Select(g => (g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count())).OrderBy(c => c.Item1, StringComparer.Ordinal)],
            Members("field", p => p.Fields, facts.Fields),
            Members("prefecture", p => p.Prefectures, facts.Prefectures),
            Members("ministry", p => p.Ministries, ministryCodes));
    }

    private static FacetFacts Facts(Random random, int programmes, int fields, int prefectures, int ministries)
    {
        // Codes out of index order, so ties in counts must be broken by value.
        var byIndex = Enumerable.Range(0, programmes).Select(i => new ProgrammeFact(i + 1, i, $"P{i * 7919 % 1000:D3}", $"事業{i}", $"Programme {i}", null, null)).ToList();
        return new FacetFacts
        {
            Programmes = byIndex.ToDictionary(p => p.Id),
            ProgrammesByIndex = byIndex,
            Ministries = [.. Enumerable.Range(0, ministries).Select(i => ($"M{(i * 5) % ministries}", $"省{i}", $"Ministry {i}"))],
            Fields = [.. Enumerable.Range(0, fields).Select(i => $"分野{fields - i:D2}")],
            Prefectures = [.. Enumerable.Range(0, prefectures).Select(i => $"県{i:D2}")],
            Regions = new Dictionary<int, RegionFact>(),
        };
    }

    /// <summary>A region's worth of facet values: dense or sparse sets, and years or none.</summary>
    private static RegionFact Region(Random random, FacetFacts facts)
    {
        FacetSet Set(int size)
        {
            var set = new FacetSet();
            var density = random.NextDouble() * random.NextDouble();
            for (var i = 0; i < size; i++)
            {
                if (random.NextDouble() < density)
                {
                    set.Add(i);
                }
            }
            return set;
        }
        int? from = random.Next(4) == 0 ? null : 2000 + random.Next(20);
        int? to = from + random.Next(6);
        return new RegionFact("R", "地域", "Region", Set(facts.ProgrammesByIndex.Count), Set(facts.Ministries.Count), Set(facts.Fields.Count),
            Set(facts.Prefectures.Count), from, to);
    }

    /// <summary>No selection first, then a few values of a few facets at random (some of them not in any vocabulary).</summary>
    private static SearchFilters Filters(Random random, FacetFacts facts, int round)
    {
        if (round == 0)
        {
            return SearchFilters.None;
        }
        List<string> Some(IReadOnlyList<string> vocabulary) =>
            random.Next(3) == 0 ? [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(10) == 0 ? "absent" : vocabulary[random.Next(vocabulary.Count)])] : [];
        int? Year() => random.Next(3) == 0 ? 2000 + random.Next(25) : null;
        return new SearchFilters(Some(TypeOrder), Some([.. facts.ProgrammesByIndex.Select(p => p.Code)]), Year(), Year(), Some(facts.Fields),
            Some(facts.Prefectures), Some([.. facts.Ministries.Select(m => m.Code)]));
    }
}
