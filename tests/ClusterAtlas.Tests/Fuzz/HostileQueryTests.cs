using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Pages;
using Xunit;

namespace ClusterAtlas.Tests.Fuzz;

/// <summary>
/// The fuzzer's findings that a request could reach, end to end. U+FFFE: EF BF BE is valid UTF-8, so it reaches the parsers through a query
/// string, where string.Normalize used to throw and the request ended in a 500. Now U+FFFE reads as U+FFFD:
/// alone it is no search term and no fiscal year (400), beside a word the word is still searched (200).
/// </summary>
[Collection(SeededApiFixture.Name)]
public sealed class HostileQueryTests(AtlasFactory factory)
{
    private readonly HttpClient client = PortalClient.Create(factory);

    [Theory]
    [InlineData("/search?q=%EF%BF%BE", HttpStatusCode.BadRequest)]
    [InlineData("/search?q=LSI%EF%BF%BE", HttpStatusCode.OK)]
    [InlineData("/api/v1/search?q=%EF%BF%BE", HttpStatusCode.OK)]
    [InlineData("/api/v1/regions?fiscalYear=H19%EF%BF%BE", HttpStatusCode.BadRequest)]
    [InlineData("/regions?fiscalYear=%EF%BF%BE", HttpStatusCode.BadRequest)]
    public async Task NonCharacterFffeInQuery_GetsAnAnswerOrAClientError(string url, HttpStatusCode expected)
    {
        var (status, _, _) = await client.FetchAsync(url);
        Assert.Equal(expected, status);
    }

    // Found by fuzzing: an empty pair of brackets stripped to "" and the next bracket test indexed past its end.
    [Theory]
    [InlineData("/api/v1/regions?fiscalYear=()")]
    [InlineData("/api/v1/regions?fiscalYear=%EF%BC%88%EF%BC%89")]
    [InlineData("/regions?fiscalYear=%E3%80%8C%E3%80%8D")]
    public async Task EmptyBracketsAsFiscalYear_GetA400NotAServerError(string url)
    {
        var (status, _, _) = await client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
