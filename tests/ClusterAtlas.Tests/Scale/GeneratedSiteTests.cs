using System.Text.RegularExpressions;
using ClusterAtlas.Regions;
using ClusterAtlas.Tests.Api;
using ClusterAtlas.Tests.Pages;
using Microsoft.EntityFrameworkCore;
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

    [Theory]
    [InlineData("/people", "People")]
    [InlineData("/organisations", "Organisations")]
    public async Task LongLists_ArePaged_AndThePagerCountsEveryRow(string url, string table)
    {
        await using var db = registry.Cli.NewContext();
        var total = table == "People" ? await db.People.CountAsync() : await db.Organisations.CountAsync();
        Assert.True(total > 400, $"the generated registry has {total} rows in {table}");
        using var client = registry.Web.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        var first = await client.PageAsync(url);
        var second = await client.PageAsync(url + "?page=2");
        var last = await client.PageAsync(url + "?page=" + ((total + 199) / 200));

        int Rows(string html) => Regex.Count(html[html.IndexOf("<tbody", StringComparison.Ordinal)..], "<tr");
        Assert.Equal(200, Rows(first));
        Assert.Equal(200, Rows(second));
        Assert.Equal(total - ((total - 1) / 200 * 200), Rows(last));
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains($"全{total:#,0}件のうち1〜200件目", first, StringComparison.Ordinal);
        Assert.Contains($"全{total:#,0}件のうち201〜400件目", second, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionList_CarriesTheFirstProjects_AndTheirTotal()
    {
        await using var db = registry.Cli.NewContext();
        var counts = await db.Participations.GroupBy(p => p.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        var list = await registry.Web.CreateClient().GetJsonAsync("/api/v1/regions?limit=500");

        var items = list["items"]!.AsArray();
        Assert.Equal(await db.Regions.CountAsync(), items.Count);
        foreach (var r in items)
        {
            var id = r!["id"]!.GetValue<int>();
            Assert.Equal(counts.GetValueOrDefault(id), r["participationTotal"]!.GetValue<int>());
            Assert.Equal(Math.Min(counts.GetValueOrDefault(id), RegionQueries.SummaryParticipationLimit), r["participations"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task SearchPages_FollowThePageParameter()
    {
        using var client = registry.Web.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        var first = await client.PageAsync("/search?q=" + Uri.EscapeDataString("大学"));
        var second = await client.PageAsync("/search?q=" + Uri.EscapeDataString("大学") + "&page=2");

        var pages = Regex.Match(first, "<span>1 / ([0-9]+)</span>");
        Assert.True(pages.Success && int.Parse(pages.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 1, "the first page has no pager");
        Assert.Contains($"<span>2 / {pages.Groups[1].Value}</span>", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
    }
}
