using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>Kinds of node in the partner network; the names are the widget contract's.</summary>
public static class NodeKinds
{
    public const string Region = "region";
    public const string Programme = "programme";
    public const string Organisation = "organisation";
    public const string Foreign = "foreign";
    public const string Country = "country";
}

/// <summary>A node: a region, programme, organisation, foreign partner without an organisation record, or country.</summary>
public sealed record NetworkNodeDto(string Id, string Kind, string Code, string NameJa, string NameEn, string? Country);

public sealed record NetworkEdgeDto(string Source, string Target, string Kind, string LabelJa, string LabelEn);

/// <summary>
/// The graph as shown: at most <see cref="NodeLimit"/> nodes and <see cref="EdgeLimit"/> edges, and the
/// <see cref="Totals"/> of the whole graph (equal to the counts of nodes and edges when it fits).
/// </summary>
public sealed record NetworkGraphDto(
    IReadOnlyList<NetworkNodeDto> Nodes, IReadOnlyList<NetworkEdgeDto> Edges, NetworkTotalsDto Totals, int NodeLimit, int EdgeLimit);

/// <summary>
/// Regions ↔ programmes (participations, with the programme hierarchy), regions ↔ organisations (roles, international
/// links) and regions ↔ foreign partners ↔ countries. A national registry has 100,000s of participations and roles,
/// far more than a page can draw, so the rows are never read: GROUP BY queries count the whole graph and rank each
/// region's neighbours, and when the graph exceeds the limits <see cref="NetworkSelection"/> picks the most connected
/// part. A graph within the limits (the curated registry) is drawn whole, exactly as from the rows. Five queries.
/// </summary>
public sealed class NetworkGraph(AtlasDbContext db)
{
    public const int DefaultNodeLimit = 300;
    public const int MaxNodeLimit = 2000;
    /// <summary>Connections kept per shown region on each side (programmes, organisations/foreign partners, countries).</summary>
    public const int EdgesPerNode = 5;

    public Task<NetworkGraphDto> BuildAsync(CancellationToken ct) => BuildAsync(null, ct);

    /// <summary>The graph with at most <c>nodeLimit</c> nodes: 1 to <see cref="MaxNodeLimit"/>, null for <see cref="DefaultNodeLimit"/>.</summary>
    public async Task<NetworkGraphDto> BuildAsync(int? nodeLimit, CancellationToken ct)
    {
        var limit = nodeLimit ?? DefaultNodeLimit;
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(nodeLimit));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxNodeLimit, nameof(nodeLimit));
        var edgeLimit = limit * EdgesPerNode;

        var programmes = await db.Programmes.AsNoTracking()
            .Select(p => new NetworkProgramme(p.Id, p.Code, p.NameJa, p.NameEn, p.ParentId, db.Participations.Any(x => x.ProgrammeId == p.Id)))
            .ToDictionaryAsync(p => p.Id, ct);
        var totals = await NetworkCounts.TotalsAsync(db, programmes, ct);
        var ranked = (await NetworkSql.RankedRegionsAsync(db, ct))
            .OrderByDescending(r => r.Neighbours).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();

        List<NetworkNodeDto> nodes;
        List<NetworkEdgeDto> edges;
        if (totals.Nodes <= limit && totals.Edges <= edgeLimit)
        {
            var all = await NetworkConnections.AllAsync(db, ct);
            (nodes, edges) = new NetworkBuilder(programmes, _ => true).Build(ranked, all);
        }
        else
        {
            var candidates = ranked.Take(limit).ToList();
            var connections = await NetworkConnections.TopAsync(db, EdgesPerNode, [.. candidates.Select(r => r.Id)], ct);
            var selection = NetworkSelection.Choose(limit, edgeLimit, candidates, connections, programmes);
            (nodes, edges) = new NetworkBuilder(programmes, selection.Shows).Build(selection.Regions, selection.Connections);
        }
        return new NetworkGraphDto(nodes, edges, totals, limit, edgeLimit);
    }
}
