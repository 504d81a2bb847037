using System.Diagnostics.CodeAnalysis;
using ClusterAtlas.International;
using ClusterAtlas.Japanese;

namespace ClusterAtlas.Network;

/// <summary>
/// Draws nodes and edges from connections in the order of their first rows: participations, then roles, then links,
/// each by id, as the graph was once built from every row (a repeated row adds nothing, so its first one is enough).
/// Programme ancestors and partners' countries are drawn only when <c>shown</c> admits them.
/// </summary>
internal sealed class NetworkBuilder(IReadOnlyDictionary<int, NetworkProgramme> programmes, Func<string, bool> shown)
{
    public const string LinkJa = "国際連携";

    private readonly Dictionary<string, NetworkNodeDto> nodes = new(StringComparer.Ordinal);
    private readonly List<NetworkEdgeDto> edges = [];
    private readonly HashSet<string> edgeKeys = new(StringComparer.Ordinal);

    private static readonly char[] Whitespace = [' ', '\t', '\n', '\r', '\u3000'];

    /// <summary>No name: null or whitespace (as <see cref="NetworkSql.Blank"/> tests it in SQL, so counts and drawing agree).</summary>
    public static bool IsBlank([NotNullWhen(false)] string? text) => text is null || text.AsSpan().Trim(Whitespace).IsEmpty;

    public static bool IsForeignCountry(string? code) => !IsBlank(code) && code != "JP";

    public static string RegionId(string code) => "region:" + code;

    public static string ProgrammeId(string code) => "programme:" + code;

    public static string OrganisationId(string code) => "organisation:" + code;

    public static string CountryId(string code) => "country:" + code;

    /// <summary>The node a connection leads to from its region (none for a link to no partner and no foreign country).</summary>
    public static string? Target(NetworkConnection c) => c.Kind switch
    {
        NetworkConnection.Participation => ProgrammeId(c.NeighbourCode),
        NetworkConnection.Role or NetworkConnection.OrganisationLink => OrganisationId(c.NeighbourCode),
        _ when !IsBlank(c.PartnerName) => "foreign:" + JapaneseText.Normalize(c.PartnerName),
        _ => IsForeignCountry(c.CountryCode) ? CountryId(c.CountryCode!) : null,
    };

    /// <summary>The country a link's partner is located in (drawn as a located-in edge), if any.</summary>
    public static string? PartnerCountry(NetworkConnection c) => c.Kind switch
    {
        NetworkConnection.OrganisationLink when IsForeignCountry(c.OrganisationCountry) => CountryId(c.OrganisationCountry!),
        NetworkConnection.PartnerLink when IsForeignCountry(c.CountryCode) && !IsBlank(c.PartnerName) => CountryId(c.CountryCode!),
        _ => null,
    };

    public (List<NetworkNodeDto> Nodes, List<NetworkEdgeDto> Edges) Build(IEnumerable<RankedRegion> regions, IEnumerable<NetworkConnection> connections)
    {
        var regionNodes = new Dictionary<int, string>();
        foreach (var r in regions.OrderBy(r => r.Id))
        {
            regionNodes[r.Id] = RegionId(r.Code);
            Node(new NetworkNodeDto(regionNodes[r.Id], NodeKinds.Region, r.Code, r.NameJa, r.NameEn, "JP"));
        }
        var ordered = connections.Where(c => regionNodes.ContainsKey(c.RegionId))
            .OrderBy(c => c.Kind switch { NetworkConnection.Participation => 0, NetworkConnection.Role => 1, _ => 2 }).ThenBy(c => c.FirstId);
        foreach (var c in ordered)
        {
            var region = regionNodes[c.RegionId];
            switch (c.Kind)
            {
                case NetworkConnection.Participation:
                    var start = new FiscalYear(c.StartFiscalYear!.Value);
                    var end = c.EndFiscalYear is { } e ? new FiscalYear(e) : (FiscalYear?)null;
                    Edge(region, ProgrammeNode(c.NeighbourId!.Value), "participation",
                        $"{start.JapaneseLabel}–{end?.JapaneseLabel}", $"{start.EnglishLabel}–{end?.EnglishLabel}");
                    break;
                case NetworkConnection.Role:
                    Edge(region, OrganisationNode(c), "role", c.Title!, c.Title!);
                    break;
                default:
                    Link(region, c);
                    break;
            }
        }
        return ([.. nodes.Values], edges);
    }

    private void Link(string region, NetworkConnection c)
    {
        string? partner = null;
        if (c.Kind == NetworkConnection.OrganisationLink)
        {
            partner = OrganisationNode(c);
        }
        else if (!IsBlank(c.PartnerName))
        {
            partner = Target(c)!;
            Node(new NetworkNodeDto(partner, NodeKinds.Foreign, partner["foreign:".Length..], c.PartnerName, c.PartnerName, c.CountryCode));
        }
        var country = c.Kind == NetworkConnection.OrganisationLink ? c.OrganisationCountry : c.CountryCode;
        string? countryNode = null;
        if (IsForeignCountry(country) && (partner is null || shown(CountryId(country!))))
        {
            countryNode = CountryId(country!);
            Node(new NetworkNodeDto(countryNode, NodeKinds.Country, country!, CountryNames.Japanese(country), CountryNames.English(country), country));
        }
        if (partner is not null)
        {
            Edge(region, partner, "link", LinkJa, "international link");
            if (countryNode is not null)
            {
                Edge(partner, countryNode, "located-in", "所在国", "located in");
            }
        }
        else if (countryNode is not null)
        {
            Edge(region, countryNode, "link", LinkJa, "international link");
        }
    }

    private string OrganisationNode(NetworkConnection c)
    {
        var id = OrganisationId(c.NeighbourCode);
        Node(new NetworkNodeDto(id, c.OrganisationCountry == "JP" ? NodeKinds.Organisation : NodeKinds.Foreign, c.NeighbourCode,
            c.OrganisationNameJa!, c.OrganisationNameEn ?? c.OrganisationNameJa!, c.OrganisationCountry));
        return id;
    }

    /// <summary>A programme and (when shown) its ancestors, each linked to its parent.</summary>
    private string ProgrammeNode(int id)
    {
        var p = programmes[id];
        var nodeId = ProgrammeId(p.Code);
        if (!nodes.ContainsKey(nodeId))
        {
            Node(new NetworkNodeDto(nodeId, NodeKinds.Programme, p.Code, p.NameJa, p.NameEn, null));
            if (p.ParentId is { } parent && programmes.TryGetValue(parent, out var parentRow) && shown(ProgrammeId(parentRow.Code)))
            {
                Edge(nodeId, ProgrammeNode(parent), "part-of", "上位事業", "part of");
            }
        }
        return nodeId;
    }

    private void Node(NetworkNodeDto n) => nodes.TryAdd(n.Id, n);

    private void Edge(string source, string target, string kind, string ja, string en)
    {
        if (edgeKeys.Add(source + "|" + target + "|" + ja))
        {
            edges.Add(new NetworkEdgeDto(source, target, kind, ja, en));
        }
    }
}
