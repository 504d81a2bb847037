using ClusterAtlas.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ClusterAtlas.Tests.Pages;

/// <summary>Follows every internal link of the seeded site from the home page, breadth-first: none may end in a 4xx/5xx.</summary>
[Collection(SeededApiFixture.Name)]
public sealed class CrawlerTests(AtlasFactory factory, ITestOutputHelper output)
{
    private const int MaxUrls = 6000;

    [Fact]
    public async Task EveryInternalLink_FromTheHomePage_Resolves()
    {
        using var client = PortalClient.Create(factory);

        var crawl = await SiteCrawler.CrawlAsync(client, "/", MaxUrls);

        output.WriteLine($"Crawled {crawl.Seen.Count} URLs ({crawl.Pages} HTML pages), {crawl.Failures.Count} failures.");
        Assert.True(crawl.Failures.Count == 0, string.Join("\n", crawl.Failures));
        Assert.True(crawl.Seen.Count > 100, $"only {crawl.Seen.Count} URLs visited");
        Assert.True(crawl.Finished, "the crawl did not finish; a page links to endless URLs");
    }
}
