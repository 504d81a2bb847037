using ClusterAtlas.International;
using ClusterAtlas.Regions;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.International;

/// <summary>/international: the world map of partner countries and the filterable list of links (country, region, partner kind).</summary>
public sealed class IndexModel(LinkQueries links, RegionQueries regions) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public WorldMapData World { get; private set; } = new([]);
    public DataTable Table { get; private set; } = new("links", "");
    public DataTable Countries { get; private set; } = new("countries", "");
    public List<(string Code, string Name)> RegionOptions { get; private set; } = [];
    public List<string> CountryOptions { get; private set; } = [];
    public List<string> KindOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var all = (await links.ListAsync(new LinkFilter(null, null, null), null, ct)).Items;
        var names = (await AllPages.ReadAsync(page => regions.ListAsync(new RegionFilter(null, null, null, null, null), page, ct)))
            .ToDictionary(r => r.Code, r => T.Name(r.NameJa, r.NameEn), StringComparer.Ordinal);
        string RegionName(LinkDto l) => names.GetValueOrDefault(l.Region, l.RegionNameJa);
        RegionOptions = [.. all.DistinctBy(l => l.Region).Select(l => (l.Region, RegionName(l)))];
        CountryOptions = [.. all.Select(Maps.LinkCountry).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
        KindOptions = [.. all.Select(l => l.PartnerKind).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
        // The country filter also finds partners whose organisation is in that country (Medicon Valley: DK).
        var rows = all.Where(l => (string.IsNullOrWhiteSpace(Country) || string.Equals(Maps.LinkCountry(l), Country, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(Region) || l.Region == Region) && (string.IsNullOrWhiteSpace(Kind) || l.PartnerKind == Kind)).ToList();
        World = Maps.World(rows, T, RegionName);
        Table = new DataTable("links", T["international.table"], T["common.region"], T["common.partner"], T["common.country"], T["common.kind"],
            T["common.fiscalYear"], T["common.activity"]) { Json = rows };
        foreach (var l in rows)
        {
            Table.Add(Cell.Of(RegionName(l), PortalLinks.Region(l.Region)),
                l.PartnerOrganisation is { } org ? Cell.Of(T.Name(org.NameJa, org.NameEn), PortalLinks.Organisation(org.Code)) : Cell.Of(l.PartnerName ?? "—", lang: T.JaOnly),
                Cell.Of(T.Country(Maps.LinkCountry(l))), T.Label("partner", l.PartnerKind), T.Fy(l.FiscalYear), Cell.Of(l.ActivityJa, cites: l.Citations, lang: T.JaOnly));
        }
        Countries = new DataTable("countries", T["international.byCountry"], T["common.country"], T["common.count"], T["common.regions"]);
        foreach (var g in rows.GroupBy(Maps.LinkCountry).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            Countries.Add(Cell.Of(T.Country(g.Key), PortalLinks.CountryLinks(g.Key)), Cell.Num(T.Number(g.Count())),
                Cell.List(g.DistinctBy(l => l.Region).Select(l => new CellPart(RegionName(l), PortalLinks.Region(l.Region)))));
        }
        Countries.Json = rows.GroupBy(Maps.LinkCountry).Select(g => new { Country = g.Key, Links = g.Count(), Regions = g.Select(l => l.Region).Distinct() });
        return PageOrData(Table, Countries);
    }
}
