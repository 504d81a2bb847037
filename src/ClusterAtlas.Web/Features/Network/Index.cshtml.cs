using ClusterAtlas.Network;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Network;

/// <summary>/network: the graph of regions ↔ programmes ↔ organisations ↔ foreign partners ↔ countries, and the same as lists.</summary>
public sealed class IndexModel(NetworkGraph graph) : PortalPageModel
{
    public NetworkData Data { get; private set; } = new([], []);
    public NetworkGraphDto Graph { get; private set; } = new([], []);
    public Dictionary<string, NetworkNodeDto> Nodes { get; private set; } = [];
    public DataTable Edges { get; private set; } = new("edges", "");

    public static string? Href(NetworkNodeDto n) => n.Kind switch
    {
        NodeKinds.Region => PortalLinks.Region(n.Code),
        NodeKinds.Programme => PortalLinks.Programme(n.Code),
        NodeKinds.Organisation => PortalLinks.Organisation(n.Code),
        NodeKinds.Foreign when n.Id.StartsWith("organisation:", StringComparison.Ordinal) => PortalLinks.Organisation(n.Code),
        NodeKinds.Foreign or NodeKinds.Country => PortalLinks.CountryLinks(n.Country),
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Graph = await graph.BuildAsync(ct);
        Nodes = Graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        Data = new NetworkData([.. Graph.Nodes.Select(n => new GraphNode(n.Id, T.Name(n.NameJa, n.NameEn), n.Kind, Href(n)))],
            [.. Graph.Edges.Select(e => new GraphEdge(e.Source, e.Target, T.Name(e.LabelJa, e.LabelEn)))]);
        Edges = new DataTable("edges", T["network.edges.table"], T["network.nodes"], T["network.connections"], T["network.nodes"]) { Json = Graph };
        foreach (var e in Graph.Edges)
        {
            var (from, to) = (Nodes[e.Source], Nodes[e.Target]);
            Edges.Add(Cell.Of(T.Name(from.NameJa, from.NameEn), Href(from)), T.Name(e.LabelJa, e.LabelEn), Cell.Of(T.Name(to.NameJa, to.NameEn), Href(to)));
        }
        return PageOrData(Edges);
    }

    /// <summary>A node's neighbours, for the list view.</summary>
    public IEnumerable<(NetworkNodeDto Node, string Label)> Neighbours(NetworkNodeDto node) =>
        Graph.Edges.Where(e => e.Source == node.Id).Select(e => (Nodes[e.Target], T.Name(e.LabelJa, e.LabelEn)))
            .Concat(Graph.Edges.Where(e => e.Target == node.Id).Select(e => (Nodes[e.Source], T.Name(e.LabelJa, e.LabelEn))));
}
