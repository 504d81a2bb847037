using ClusterAtlas.Data;
using ClusterAtlas.Japanese;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Scale;

/// <summary>
/// The partner network by its definition, from every row (fine for a test registry), to check the graph built from
/// GROUP BY queries against: the ids of its nodes and the keys (source|target|label) of its edges.
/// </summary>
internal static class WholeNetwork
{
    public static async Task<(HashSet<string> Nodes, HashSet<string> Edges)> ReadAsync(AtlasDbContext db)
    {
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        var edges = new HashSet<string>(StringComparer.Ordinal);
        var regions = await db.Regions.ToDictionaryAsync(r => r.Id, r => "region:" + r.Code);
        nodes.UnionWith(regions.Values);
        var programmes = await db.Programmes.ToDictionaryAsync(p => p.Id, p => (Node: "programme:" + p.Code, p.ParentId));
        foreach (var p in await db.Participations.Select(p => new { p.RegionId, p.ProgrammeId, p.StartFiscalYear, p.EndFiscalYear }).ToListAsync())
        {
            var end = p.EndFiscalYear is { } e ? new FiscalYear(e).JapaneseLabel : "";
            edges.Add($"{regions[p.RegionId]}|{programmes[p.ProgrammeId].Node}|{new FiscalYear(p.StartFiscalYear).JapaneseLabel}–{end}");
            for (int? id = p.ProgrammeId; id is { } current && nodes.Add(programmes[current].Node); id = programmes[current].ParentId)
            {
                if (programmes[current].ParentId is { } parent)
                {
                    edges.Add($"{programmes[current].Node}|{programmes[parent].Node}|上位事業");
                }
            }
        }
        var roles = await db.RoleAssignments.Where(r => r.RegionId != null && r.Organisation != null)
            .Select(r => new { RegionId = r.RegionId!.Value, r.Organisation!.Code, r.Title }).ToListAsync();
        foreach (var r in roles)
        {
            nodes.Add("organisation:" + r.Code);
            edges.Add($"{regions[r.RegionId]}|organisation:{r.Code}|{r.Title}");
        }
        var links = await db.InternationalLinks
            .Select(l => new { l.RegionId, l.PartnerName, l.CountryCode, Code = l.PartnerOrganisation!.Code, Country = l.PartnerOrganisation.CountryCode })
            .ToListAsync();
        foreach (var l in links)
        {
            var partner = l.Code is not null ? "organisation:" + l.Code
                : string.IsNullOrWhiteSpace(l.PartnerName) ? null : "foreign:" + JapaneseText.Normalize(l.PartnerName);
            var country = l.Code is not null ? l.Country : l.CountryCode;
            var countryNode = string.IsNullOrWhiteSpace(country) || country == "JP" ? null : "country:" + country;
            foreach (var node in new[] { partner, countryNode }.OfType<string>())
            {
                nodes.Add(node);
            }
            if (partner is not null)
            {
                edges.Add($"{regions[l.RegionId]}|{partner}|国際連携");
            }
            if (countryNode is not null)
            {
                edges.Add(partner is null ? $"{regions[l.RegionId]}|{countryNode}|国際連携" : $"{partner}|{countryNode}|所在国");
            }
        }
        return (nodes, edges);
    }
}
