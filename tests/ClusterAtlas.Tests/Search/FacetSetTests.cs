using ClusterAtlas.Search;
using Xunit;

namespace ClusterAtlas.Tests.Search;

public sealed class FacetSetTests
{
    /// <summary>How many of <paramref name="sets"/> hold each member, by <see cref="FacetTally"/>.</summary>
    private static int[] Tally(List<FacetSet> sets, int size)
    {
        var tally = new FacetTally(size, sets.Count);
        foreach (var set in sets)
        {
            tally.Add(set);
        }
        return tally.Counts();
    }

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(8, 5, 2)]
    [InlineData(64, 1001, 3)]
    [InlineData(65, 1001, 4)]
    [InlineData(332, 1001, 5)]
    [InlineData(332, 5000, 6)]
    [InlineData(130, 1, 7)]
    public void Tally_CountsEachMemberLikeCountingOneByOne(int size, int setCount, int seed)
    {
        var random = new Random(seed);
        var sets = new List<FacetSet>();
        var expected = new int[size];
        for (var s = 0; s < setCount; s++)
        {
            var set = new FacetSet();
            // Dense and sparse sets alike: a region holds most programmes, a project two.
            var density = random.NextDouble();
            for (var m = 0; m < size; m++)
            {
                if (random.NextDouble() < density)
                {
                    set.Add(m);
                    expected[m]++;
                }
            }
            sets.Add(set);
        }

        Assert.Equal(expected, Tally(sets, size));
    }

    [Theory]
    [InlineData(70, 1000, 11)]
    [InlineData(332, 1001, 12)]
    [InlineData(5, 2047, 13)]
    public void Tally_SetsRepeatedInARow_CountAsOftenAsTheyCome(int size, int setCount, int seed)
    {
        // Records that share their region's set come in runs: a run is added once, times its length.
        var random = new Random(seed);
        var distinct = Enumerable.Range(0, 6).Select(_ =>
        {
            var set = new FacetSet();
            for (var m = 0; m < size; m++)
            {
                if (random.Next(3) == 0)
                {
                    set.Add(m);
                }
            }
            return set;
        }).ToList();
        var sets = new List<FacetSet>();
        while (sets.Count < setCount)
        {
            var set = distinct[random.Next(distinct.Count)];
            sets.AddRange(Enumerable.Repeat(set, Math.Min(setCount - sets.Count, 1 + random.Next(random.Next(2) == 0 ? 3 : 700))));
        }
        var expected = new int[size];
        foreach (var m in sets.SelectMany(s => s.Members()))
        {
            expected[m]++;
        }

        Assert.Equal(expected, Tally(sets, size));
    }

    [Fact]
    public void Tally_IgnoresMembersBeyondTheVocabularyAndEmptySets()
    {
        var wide = new FacetSet();
        wide.Add(3);
        wide.Add(200);

        Assert.Equal([0, 0, 0, 2, 0], Tally([wide, new FacetSet(), wide], 5));
    }
}
