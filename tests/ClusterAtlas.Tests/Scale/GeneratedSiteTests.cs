using ClusterAtlas.Tests.Pages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace ClusterAtlas.Tests.Scale;

/// <summary>
/// The generated registry has what the curated one lacks (measures without a budget line in some years, thousands of
/// rows per list, paging), so every public page and API list must also work on it: a 5xx here is a bug the curated
/// data cannot show.
/// </summary>
public sealed class GeneratedSiteTests(GeneratedRegistry registry, ITestOutputHelper output) : IClassFixture<GeneratedRegistry>
{
    [Fact]
    public async Task EveryApiRead_OnTheGeneratedRegistry_AnswersWithoutServerError()
    {
        using var client = registry.Web.CreateClient();
        var urls = registry.Web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Contains("GET"))
            .Select(e => e.RoutePattern)
            .Where(p => p.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && p.Parameters.All(x => x.Name is "id"))
            .Select(p => p.RawText!.Replace("{id}", "1", StringComparison.Ordinal))
            .Distinct().ToList();
        var failures = new List<string>();

        foreach (var url in urls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {url}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        output.WriteLine($"{urls.Count} API reads, {failures.Count} failures");
        Assert.True(urls.Count > 30, $"only {urls.Count} API reads found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task PortalCrawl_OnTheGeneratedRegistry_EveryLinkResolves()
    {
        using var client = registry.Web.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        var crawl = await SiteCrawler.CrawlAsync(client, "/", maxUrls: 600);

        output.WriteLine($"Crawled {crawl.Seen.Count} URLs ({crawl.Pages} HTML pages), {crawl.Failures.Count} failures.");
        Assert.True(crawl.Failures.Count == 0, string.Join("\n", crawl.Failures));
        Assert.True(crawl.Pages > 100, $"only {crawl.Pages} pages");
    }
}
