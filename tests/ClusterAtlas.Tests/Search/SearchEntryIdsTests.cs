using ClusterAtlas.Search;
using Xunit;

namespace ClusterAtlas.Tests.Search;

/// <summary>Search entry ids in one band per kind (<see cref="SearchEntryIds"/>): what a search decodes from an id alone.</summary>
public sealed class SearchEntryIdsTests
{
    [Fact]
    public void EveryKind_RoundTripsItsFirstAndLastRecord_InItsOwnBand_InBandOrder()
    {
        var previousLast = 0;
        foreach (var type in SearchTypes.Ordered)
        {
            foreach (var record in new[] { 1, 2, 1_000_000, SearchEntryIds.MaxRecordId })
            {
                var id = SearchEntryIds.For(type, record);
                Assert.True(SearchEntryIds.TryDecode(id, out var decodedType, out var decodedRecord));
                Assert.Equal((type, record), (decodedType, decodedRecord));
                var (first, last) = SearchEntryIds.Range(type);
                Assert.InRange(id, first, last);
            }
            // Bands follow one another without overlap, in the order of SearchTypes.Ordered.
            Assert.True(SearchEntryIds.Range(type).First > previousLast);
            previousLast = SearchEntryIds.Range(type).Last;
        }
        Assert.Equal(SearchTypes.All.Count, SearchTypes.Ordered.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(134_217_728)]
    public void RecordIdOutsideTheBand_IsRefused(int record) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SearchEntryIds.For(SearchTypes.Project, record));

    [Fact]
    public void UnknownKind_IsRefused_AndIdsOutsideEveryBand_DoNotDecode()
    {
        Assert.Throws<ArgumentException>(() => SearchEntryIds.For("budget", 1));
        Assert.False(SearchEntryIds.TryDecode(0, out _, out _));
        Assert.False(SearchEntryIds.TryDecode(SearchEntryIds.BandSize, out _, out _)); // a band's 0th slot is no record
        Assert.False(SearchEntryIds.TryDecode((long)SearchTypes.Ordered.Length * SearchEntryIds.BandSize + 1, out _, out _));
    }
}
