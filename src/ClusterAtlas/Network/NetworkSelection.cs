namespace ClusterAtlas.Network;

/// <summary>
/// Which nodes and connections a bounded graph shows. People come for regions, so the most connected regions take up
/// to half of the nodes first; then, round by round, each of them adds its next most connected programme, partner and
/// country (at most <see cref="NetworkGraph.EdgesPerNode"/> connections on each side), so every shown region gets its
/// first neighbours before any gets its fifth. Nodes left over go to further regions, with their connections to nodes
/// already shown. Edges are counted as they are admitted (a link's located-in edge and a programme's part-of edge
/// included, even when the other end never shows), so the graph never holds more than the edge limit.
/// </summary>
internal sealed class NetworkSelection
{
    private readonly HashSet<string> nodes = new(StringComparer.Ordinal);
    private readonly List<NetworkConnection> kept = [];
    private readonly IReadOnlyDictionary<int, NetworkProgramme> programmes;
    private readonly int nodeLimit;
    private readonly int edgeLimit;
    private int edges;

    private NetworkSelection(IReadOnlyDictionary<int, NetworkProgramme> programmes, int nodeLimit, int edgeLimit) =>
        (this.programmes, this.nodeLimit, this.edgeLimit) = (programmes, nodeLimit, edgeLimit);

    public IReadOnlyList<RankedRegion> Regions { get; private set; } = [];

    public IReadOnlyList<NetworkConnection> Connections => kept;

    public bool Shows(string nodeId) => nodes.Contains(nodeId);

    /// <summary>
    /// Chooses from <c>ranked</c> (regions, most connected first) and <c>connections</c> (theirs, of rank 1 to
    /// EdgesPerNode on each side).
    /// </summary>
    public static NetworkSelection Choose(int nodeLimit, int edgeLimit, IReadOnlyList<RankedRegion> ranked,
        IEnumerable<NetworkConnection> connections, IReadOnlyDictionary<int, NetworkProgramme> programmes)
    {
        var s = new NetworkSelection(programmes, nodeLimit, edgeLimit);
        var byRegion = connections.OrderBy(c => c.Rank).ThenBy(c => c.Side).ToLookup(c => c.RegionId);
        var regions = new List<RankedRegion>();
        foreach (var r in ranked.Take((nodeLimit + 1) / 2))
        {
            regions.Add(r);
            s.nodes.Add(NetworkBuilder.RegionId(r.Code));
        }
        for (var rank = 1; rank <= NetworkGraph.EdgesPerNode; rank++)
        {
            foreach (var c in regions.SelectMany(r => byRegion[r.Id].Where(c => c.Rank == rank)))
            {
                s.Admit(c, growing: true);
            }
        }
        foreach (var r in ranked.Skip(regions.Count).TakeWhile(_ => s.nodes.Count < nodeLimit))
        {
            regions.Add(r);
            s.nodes.Add(NetworkBuilder.RegionId(r.Code));
            foreach (var c in byRegion[r.Id])
            {
                s.Admit(c, growing: false);
            }
        }
        s.Regions = regions;
        return s;
    }

    /// <summary>Keeps a connection if its edges fit and its neighbour is shown or (when growing) can still be.</summary>
    private void Admit(NetworkConnection c, bool growing)
    {
        var target = NetworkBuilder.Target(c);
        var country = NetworkBuilder.PartnerCountry(c);
        var programme = c.Kind == NetworkConnection.Participation ? programmes[c.NeighbourId!.Value] : null;
        var isNew = target is not null && !nodes.Contains(target);
        var cost = (country is null ? 1 : 2) + (isNew && programme?.ParentId is not null ? 1 : 0);
        if (target is null || (isNew && !growing) || edges + cost > edgeLimit || (isNew && !Add(target)))
        {
            return;
        }
        kept.Add(c);
        edges += cost;
        if (isNew && programme is not null)
        {
            AddAncestors(programme);
        }
        if (growing && country is not null)
        {
            Add(country);
        }
    }

    private bool Add(string node)
    {
        if (nodes.Count >= nodeLimit)
        {
            return false;
        }
        nodes.Add(node);
        return true;
    }

    /// <summary>A new programme's parent, grandparent … while nodes and edges remain; each pays for its own part-of edge.</summary>
    private void AddAncestors(NetworkProgramme p)
    {
        while (p.ParentId is { } id && programmes.TryGetValue(id, out var parent) && !nodes.Contains(NetworkBuilder.ProgrammeId(parent.Code)))
        {
            var partOf = parent.ParentId is not null ? 1 : 0;
            if (edges + partOf > edgeLimit || !Add(NetworkBuilder.ProgrammeId(parent.Code)))
            {
                return;
            }
            edges += partOf;
            p = parent;
        }
    }
}
