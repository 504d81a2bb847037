using ClusterAtlas.Data;
using ClusterAtlas.International;
using ClusterAtlas.Japanese;
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

public sealed record NetworkGraphDto(IReadOnlyList<NetworkNodeDto> Nodes, IReadOnlyList<NetworkEdgeDto> Edges);

/// <summary>
/// Regions ↔ programmes (participations, with the programme hierarchy), regions ↔ organisations (roles, international
/// links) and regions ↔ foreign partners ↔ countries. Five queries whatever the size of the registry.
/// </summary>
public sealed class NetworkGraph(AtlasDbContext db)
{
    public async Task<NetworkGraphDto> BuildAsync(CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Code, r.NameJa, r.NameEn }).ToListAsync(ct);
        var programmes = await db.Programmes.AsNoTracking()
            .Select(p => new { p.Id, p.Code, p.NameJa, p.NameEn, p.ParentId }).ToDictionaryAsync(p => p.Id, ct);
        var participations = await db.Participations.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.RegionId, p.ProgrammeId, p.StartFiscalYear, p.EndFiscalYear, p.TermText }).ToListAsync(ct);
        var links = await db.InternationalLinks.AsNoTracking().OrderBy(l => l.Id)
            .Select(l => new
            {
                l.RegionId, l.CountryCode, l.PartnerName, l.PartnerKind,
                Org = l.PartnerOrganisation == null ? null : new { l.PartnerOrganisation.Code, l.PartnerOrganisation.NameJa, l.PartnerOrganisation.NameEn, l.PartnerOrganisation.CountryCode },
            }).ToListAsync(ct);
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.RegionId != null && r.OrganisationId != null).OrderBy(r => r.Id)
            .Select(r => new { RegionId = r.RegionId!.Value, r.Title, r.Organisation!.Code, r.Organisation.NameJa, r.Organisation.NameEn, r.Organisation.CountryCode })
            .ToListAsync(ct);

        var nodes = new Dictionary<string, NetworkNodeDto>(StringComparer.Ordinal);
        var edges = new List<NetworkEdgeDto>();
        var edgeKeys = new HashSet<string>(StringComparer.Ordinal);
        void Node(NetworkNodeDto n) => nodes.TryAdd(n.Id, n);
        void Edge(string source, string target, string kind, string ja, string en)
        {
            if (edgeKeys.Add(source + "|" + target + "|" + ja))
            {
                edges.Add(new NetworkEdgeDto(source, target, kind, ja, en));
            }
        }
        string ProgrammeNode(int id)
        {
            var p = programmes[id];
            var nodeId = "programme:" + p.Code;
            if (!nodes.ContainsKey(nodeId))
            {
                Node(new NetworkNodeDto(nodeId, NodeKinds.Programme, p.Code, p.NameJa, p.NameEn, null));
                if (p.ParentId is { } parent && programmes.ContainsKey(parent))
                {
                    Edge(nodeId, ProgrammeNode(parent), "part-of", "上位事業", "part of");
                }
            }
            return nodeId;
        }

        var regionNodes = regions.ToDictionary(r => r.Id, r => "region:" + r.Code);
        foreach (var r in regions)
        {
            Node(new NetworkNodeDto(regionNodes[r.Id], NodeKinds.Region, r.Code, r.NameJa, r.NameEn, "JP"));
        }
        foreach (var p in participations.Where(p => regionNodes.ContainsKey(p.RegionId)))
        {
            var start = new FiscalYear(p.StartFiscalYear);
            var end = p.EndFiscalYear is { } e ? new FiscalYear(e) : (FiscalYear?)null;
            Edge(regionNodes[p.RegionId], ProgrammeNode(p.ProgrammeId), "participation",
                $"{start.JapaneseLabel}–{end?.JapaneseLabel}", $"{start.EnglishLabel}–{end?.EnglishLabel}");
        }
        foreach (var r in roles.Where(r => regionNodes.ContainsKey(r.RegionId)))
        {
            var id = "organisation:" + r.Code;
            Node(new NetworkNodeDto(id, r.CountryCode == "JP" ? NodeKinds.Organisation : NodeKinds.Foreign, r.Code, r.NameJa, r.NameEn ?? r.NameJa, r.CountryCode));
            Edge(regionNodes[r.RegionId], id, "role", r.Title, r.Title);
        }
        foreach (var l in links.Where(l => regionNodes.ContainsKey(l.RegionId)))
        {
            var region = regionNodes[l.RegionId];
            string? partner = null;
            var country = l.Org?.CountryCode ?? l.CountryCode;
            if (l.Org is not null)
            {
                partner = "organisation:" + l.Org.Code;
                Node(new NetworkNodeDto(partner, l.Org.CountryCode == "JP" ? NodeKinds.Organisation : NodeKinds.Foreign,
                    l.Org.Code, l.Org.NameJa, l.Org.NameEn ?? l.Org.NameJa, l.Org.CountryCode));
            }
            else if (!string.IsNullOrWhiteSpace(l.PartnerName))
            {
                var key = JapaneseText.Normalize(l.PartnerName);
                partner = "foreign:" + key;
                Node(new NetworkNodeDto(partner, NodeKinds.Foreign, key, l.PartnerName, l.PartnerName, l.CountryCode));
            }
            string? countryNode = null;
            if (!string.IsNullOrWhiteSpace(country) && country != "JP")
            {
                countryNode = "country:" + country;
                Node(new NetworkNodeDto(countryNode, NodeKinds.Country, country, CountryNames.Japanese(country), CountryNames.English(country), country));
            }
            if (partner is not null)
            {
                Edge(region, partner, "link", "国際連携", "international link");
                if (countryNode is not null)
                {
                    Edge(partner, countryNode, "located-in", "所在国", "located in");
                }
            }
            else if (countryNode is not null)
            {
                Edge(region, countryNode, "link", "国際連携", "international link");
            }
        }
        return new NetworkGraphDto([.. nodes.Values], edges);
    }
}
