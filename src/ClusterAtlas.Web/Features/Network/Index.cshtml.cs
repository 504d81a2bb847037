using System.Globalization;
using ClusterAtlas.Network;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ClusterAtlas.Web.Features.Network;

/// <summary>/network: the graph of regions ↔ programmes ↔ organisations ↔ foreign partners ↔ countries, and the same as lists.</summary>
// Registry-wide GROUP BYs over every participation and role (a second or so at national scale): cached per language,
// data version and ?limit, as the region list is.
[OutputCache(PolicyName = RegistryCaching.Policy)]
public sealed class IndexModel(NetworkGraph graph) : PortalPageModel
{
    private readonly Dictionary<string, List<(NetworkNodeDto Node, string Label)>> neighbours = new(StringComparer.Ordinal);

    public NetworkData Data { get; private set; } = new([], []);
    public NetworkGraphDto Graph { get; private set; } = new([], [], new(0, 0), NetworkGraph.DefaultNodeLimit, 0);
    public Dictionary<string, NetworkNodeDto> Nodes { get; private set; } = [];
    public DataTable Edges { get; private set; } = new("edges", "");

    /// <summary>True when the graph leaves nodes or edges out (the page then says how many there are).</summary>
    public bool Bounded => Graph.Totals.Nodes > Graph.Nodes.Count || Graph.Totals.Edges > Graph.Edges.Count;

    /// <summary>The API with the most nodes it gives, for readers who want more than the page draws.</summary>
    public static string Api { get; } = "/api/v1/network?limit=" + NetworkGraph.MaxNodeLimit.ToString(CultureInfo.InvariantCulture);

    public static string? Href(NetworkNodeDto n) => n.Kind switch
    {
        NodeKinds.Region => PortalLinks.Region(n.Code),
        NodeKinds.Programme => PortalLinks.Programme(n.Code),
        NodeKinds.Organisation => PortalLinks.Organisation(n.Code),
        NodeKinds.Foreign when n.Id.StartsWith("organisation:", StringComparison.Ordinal) => PortalLinks.Organisation(n.Code),
        NodeKinds.Foreign or NodeKinds.Country => PortalLinks.CountryLinks(n.Country),
        _ => null,
    };

    /// <summary>?limit=N as in the API, but a page never fails: a bad number gives the default, a large one the maximum.</summary>
    public static int LimitOf(HttpRequest request) =>
        int.TryParse(request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? Math.Min(n, NetworkGraph.MaxNodeLimit) : NetworkGraph.DefaultNodeLimit;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Graph = await graph.BuildAsync(LimitOf(Request), ct);
        Nodes = Graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        Data = new NetworkData([.. Graph.Nodes.Select(n => new GraphNode(n.Id, T.Name(n.NameJa, n.NameEn), n.Kind, Href(n)))],
            [.. Graph.Edges.Select(e => new GraphEdge(e.Source, e.Target, T.Name(e.LabelJa, e.LabelEn)))]);
        Edges = new DataTable("edges", T["network.edges.table"], T["network.nodes"], T["network.connections"], T["network.nodes"]) { Json = Graph };
        foreach (var e in Graph.Edges)
        {
            var (from, to) = (Nodes[e.Source], Nodes[e.Target]);
            Edges.Add(Cell.Of(T.Name(from.NameJa, from.NameEn), Href(from)), T.Name(e.LabelJa, e.LabelEn), Cell.Of(T.Name(to.NameJa, to.NameEn), Href(to)));
        }
        // Each node's neighbours, built once for the list view: its outgoing edges first, then its incoming ones.
        foreach (var (node, other, e) in Graph.Edges.Select(e => (e.Source, e.Target, e)).Concat(Graph.Edges.Select(e => (e.Target, e.Source, e))))
        {
            if (!neighbours.TryGetValue(node, out var list))
            {
                neighbours[node] = list = [];
            }
            list.Add((Nodes[other], T.Name(e.LabelJa, e.LabelEn)));
        }
        return PageOrData(Edges);
    }

    /// <summary>A node's neighbours, for the list view.</summary>
    public IEnumerable<(NetworkNodeDto Node, string Label)> Neighbours(NetworkNodeDto node) => neighbours.GetValueOrDefault(node.Id) ?? [];
}
