using System.Globalization;
using System.Text.Json.Nodes;
using ClusterAtlas.Network;
using ClusterAtlas.Tests.Api;
using ClusterAtlas.Tests.Pages;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace ClusterAtlas.Tests.Scale;

/// <summary>
/// /api/v1/network and /network on a registry whose graph is larger than a page can draw (about 650 nodes and 4,600
/// edges): the answer holds at most the limit, is a part of the whole graph (every node and edge of it is one the
/// rows give), and its totals are the whole graph's, counted here row by row.
/// </summary>
public sealed class NetworkAtScaleTests(GeneratedRegistry registry) : IClassFixture<GeneratedRegistry>
{
    [Fact]
    public async Task Api_AtTheDefaultLimit_ShowsThePartWithTheMostConnections_AndCountsTheWhole()
    {
        await using var db = registry.Cli.NewContext();
        var whole = await WholeNetwork.ReadAsync(db);
        var regions = whole.Nodes.Count(n => n.StartsWith("region:", StringComparison.Ordinal));
        Assert.True(whole.Nodes.Count > NetworkGraph.DefaultNodeLimit, $"the generated graph has {whole.Nodes.Count} nodes");
        using var client = registry.Web.CreateClient();

        var graph = await client.GetJsonAsync("/api/v1/network");

        var (nodes, edges) = AssertPartOf(whole, graph, NetworkGraph.DefaultNodeLimit);
        Assert.Equal(whole.Nodes.Count, graph["totals"]!["nodes"]!.GetValue<int>());
        Assert.Equal(whole.Edges.Count, graph["totals"]!["edges"]!.GetValue<int>());
        // People come for regions: every region of this registry (10) is shown, with at most EdgesPerNode partners.
        Assert.Equal(regions, nodes.Count(n => n.StartsWith("region:", StringComparison.Ordinal)));
        var partnerEdges = edges.Where(e => e.Source.StartsWith("region:", StringComparison.Ordinal)
            && (e.Target.StartsWith("organisation:", StringComparison.Ordinal) || e.Target.StartsWith("foreign:", StringComparison.Ordinal)));
        Assert.All(partnerEdges.GroupBy(e => e.Source), g => Assert.InRange(g.Count(), 1, NetworkGraph.EdgesPerNode));
        Assert.Contains(nodes, n => n.StartsWith("programme:", StringComparison.Ordinal));
        // The same registry gives the same graph.
        Assert.Equal(graph.ToJsonString(), (await client.GetJsonAsync("/api/v1/network")).ToJsonString());
    }

    [Fact]
    public async Task Api_WithALimit_ShowsAtMostThatManyNodes()
    {
        await using var db = registry.Cli.NewContext();
        var whole = await WholeNetwork.ReadAsync(db);
        using var client = registry.Web.CreateClient();

        var graph = await client.GetJsonAsync("/api/v1/network?limit=50");

        var (nodes, _) = AssertPartOf(whole, graph, 50);
        Assert.Equal(whole.Nodes.Count, graph["totals"]!["nodes"]!.GetValue<int>());
        Assert.Equal(whole.Edges.Count, graph["totals"]!["edges"]!.GetValue<int>());
        // Up to half of the nodes are regions, the most connected first: all 10 of this registry.
        Assert.Equal(whole.Nodes.Count(n => n.StartsWith("region:", StringComparison.Ordinal)),
            nodes.Count(n => n.StartsWith("region:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2001")]
    [InlineData("many")]
    public async Task Api_WithALimitOutOfRange_Gets400ProblemDetails(string limit)
    {
        using var client = registry.Web.CreateClient();

        var (status, body, type) = await client.GetRawAsync("/api/v1/network?limit=" + limit);

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", type);
        Assert.NotNull(body!["errors"]!["limit"]);
    }

    [Fact]
    public async Task Page_DrawsTheBoundedGraph_AndSaysHowMuchIsShown()
    {
        using var client = registry.Web.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var graph = await client.GetJsonAsync("/api/v1/network");
        var (shown, total) = (graph["nodes"]!.AsArray().Count, graph["totals"]!["nodes"]!.GetValue<int>());
        var (edges, totalEdges) = (graph["edges"]!.AsArray().Count, graph["totals"]!["edges"]!.GetValue<int>());

        var ja = await client.PageAsync("/network");
        var en = await client.PageAsync("/network?lang=en");

        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"全{total:N0}件のノードのうち、つながりの多い順に{shown:N0}件（つながりは全{totalEdges:N0}件のうち{edges:N0}件）"), ja, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Showing the {shown:N0} most connected of {total:N0} nodes"), en, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/network?limit=2000\"", ja, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"ノード {shown}、つながり {edges}"), ja, StringComparison.Ordinal);
    }

    /// <summary>At most the limits; unique nodes and edges, all of the whole graph; every edge between shown nodes.</summary>
    private static (List<string> Nodes, List<(string Source, string Target)> Edges) AssertPartOf(
        (HashSet<string> Nodes, HashSet<string> Edges) whole, JsonNode graph, int limit)
    {
        var nodes = graph["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        var edges = graph["edges"]!.AsArray().Select(e => e!).ToList();
        Assert.Equal(limit, graph["nodeLimit"]!.GetValue<int>());
        Assert.Equal(limit * NetworkGraph.EdgesPerNode, graph["edgeLimit"]!.GetValue<int>());
        Assert.InRange(nodes.Count, 1, limit);
        Assert.InRange(edges.Count, 1, limit * NetworkGraph.EdgesPerNode);
        Assert.Equal(nodes.Count, nodes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(nodes, n => Assert.Contains(n, whole.Nodes));
        var keys = edges.Select(e => $"{e["source"]}|{e["target"]}|{e["labelJa"]}").ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, k => Assert.Contains(k, whole.Edges));
        var shown = nodes.ToHashSet(StringComparer.Ordinal);
        var ends = edges.Select(e => (Source: e["source"]!.GetValue<string>(), Target: e["target"]!.GetValue<string>())).ToList();
        Assert.All(ends, e => Assert.True(shown.Contains(e.Source) && shown.Contains(e.Target), $"{e.Source} → {e.Target}"));
        return (nodes, ends);
    }
}
