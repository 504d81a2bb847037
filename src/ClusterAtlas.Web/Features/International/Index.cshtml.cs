using System.Globalization;
using ClusterAtlas.International;
using ClusterAtlas.Paging;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ClusterAtlas.Web.Features.International;

/// <summary>
/// /international: the world map of partner countries and the filterable list of links (country, region, partner kind).
/// The map and the by-country table come from per-(country, region) counts in SQL, so they cover every link; the list
/// shows the first <see cref="PortalLimits.TableRows"/> links with the count of all.
/// </summary>
public sealed class IndexModel(LinkQueries links) : PortalPageModel
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
    public int Total { get; private set; }

    /// <summary>The paged API for the same filter (its country filter matches the link's own country code).</summary>
    public string Api => QueryHelpers.AddQueryString("/api/v1/links", new Dictionary<string, string?>
    {
        ["limit"] = PageRequest.MaxLimit.ToString(CultureInfo.InvariantCulture), ["region"] = Region, ["country"] = Country, ["partnerKind"] = Kind,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var facets = await links.FacetsAsync(ct);
        var names = facets.Regions.ToDictionary(r => r.Code, r => T.Name(r.NameJa, r.NameEn), StringComparer.Ordinal);
        string RegionName(string code, string nameJa) => names.GetValueOrDefault(code, nameJa);
        RegionOptions = [.. facets.Regions.Select(r => (r.Code, names[r.Code]))];
        CountryOptions = facets.Countries;
        KindOptions = facets.Kinds;
        // The country filter also finds partners whose organisation is in that country (Medicon Valley: DK).
        var filter = new LinkFilter(NullIfBlank(Region), NullIfBlank(Country), NullIfBlank(Kind), ByPartnerCountry: true);
        var page = await links.ListAsync(filter, new PageRequest(PortalLimits.TableRows, 0, null), ct);
        var counts = await links.CountsAsync(filter, ct);
        Total = page.Total;
        World = Maps.World(counts, T, c => RegionName(c.Region, c.RegionNameJa));
        Table = new DataTable("links", T["international.table"], T["common.region"], T["common.partner"], T["common.country"], T["common.kind"],
            T["common.fiscalYear"], T["common.activity"]) { Json = page.Items };
        foreach (var l in page.Items)
        {
            Table.Add(Cell.Of(RegionName(l.Region, l.RegionNameJa), PortalLinks.Region(l.Region)),
                l.PartnerOrganisation is { } org ? Cell.Of(T.Name(org.NameJa, org.NameEn), PortalLinks.Organisation(org.Code)) : Cell.Of(l.PartnerName ?? "—", lang: T.JaOnly),
                Cell.Of(T.Country(Maps.LinkCountry(l))), T.Label("partner", l.PartnerKind), T.Fy(l.FiscalYear), Cell.Of(l.ActivityJa, cites: l.Citations, lang: T.JaOnly));
        }
        Countries = new DataTable("countries", T["international.byCountry"], T["common.country"], T["common.count"], T["common.regions"]);
        var byCountry = counts.GroupBy(c => c.Country).Select(g => (Country: g.Key, Links: g.Sum(c => c.Links), Regions: g.ToList()))
            .OrderByDescending(g => g.Links).ThenBy(g => g.Country, StringComparer.Ordinal).ToList();
        foreach (var g in byCountry)
        {
            Countries.Add(Cell.Of(T.Country(g.Country), PortalLinks.CountryLinks(g.Country)), Cell.Num(T.Number(g.Links)),
                Cell.List(g.Regions.Select(c => new CellPart(RegionName(c.Region, c.RegionNameJa), PortalLinks.Region(c.Region)))));
        }
        Countries.Json = byCountry.Select(g => new { g.Country, g.Links, Regions = g.Regions.Select(c => c.Region) });
        return PageOrData(Table, Countries);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
