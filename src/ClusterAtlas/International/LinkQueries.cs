using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Organisations;
using ClusterAtlas.Paging;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.International;

public sealed record LinkDto(
    int Id, string Region, string RegionNameJa, FiscalYearDto? FiscalYear, string? Country, string? PartnerName,
    OrganisationRefDto? PartnerOrganisation, string? PartnerKind, string ActivityJa, string? Note, IReadOnlyList<CitationDto> Citations);

/// <summary>Link filters; with ByPartnerCountry, Country also matches a partner organisation abroad (Medicon Valley: DK), as the portal filters.</summary>
public sealed record LinkFilter(string? Region, string? Country, string? PartnerKind, bool ByPartnerCountry = false);

/// <summary>How many links join a region to a country (the partner organisation's country when it is abroad).</summary>
public sealed record LinkCountDto(string? Country, string Region, string RegionNameJa, string? RegionNameEn, int Links, int FirstLinkId);

/// <summary>A region that has links, with its names.</summary>
public sealed record LinkedRegionDto(string Code, string NameJa, string? NameEn);

/// <summary>The values the link filters offer, each read with DISTINCT over all links.</summary>
public sealed record LinkFacetsDto(List<LinkedRegionDto> Regions, List<string> Countries, List<string> Kinds);

public sealed class LinkQueries(AtlasDbContext db)
{
    /// <summary>Links matching the filter; without a page request, all of them (used inside a region's page).</summary>
    public async Task<Page<LinkDto>> ListAsync(LinkFilter filter, PageRequest? page, CancellationToken ct) =>
        await Matching(filter).Include(l => l.Region).Include(l => l.PartnerOrganisation)
            .ToPageAsync(page ?? new PageRequest(int.MaxValue - 1, 0, null), rows => MapAsync(rows, ct), ct);

    /// <summary>Links per (country, region) with GROUP BY, for the map and the by-country table: one row per pair, not per link.</summary>
    public async Task<List<LinkCountDto>> CountsAsync(LinkFilter filter, CancellationToken ct)
    {
        var pairs = await Matching(filter)
            // The country is the partner organisation's when it is abroad, else the link's own (Maps.LinkCountry's rule).
            .GroupBy(l => new { Country = l.PartnerOrganisation != null && l.PartnerOrganisation.CountryCode != "JP" ? l.PartnerOrganisation.CountryCode : l.CountryCode, l.RegionId })
            .Select(g => new { g.Key.Country, g.Key.RegionId, Links = g.Count(), First = g.Min(l => l.Id) })
            .ToListAsync(ct);
        var ids = pairs.Select(p => p.RegionId).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Code, r.NameJa, r.NameEn })
            .ToDictionaryAsync(r => r.Id, ct);
        return [.. pairs.OrderBy(p => p.First).Select(p =>
            new LinkCountDto(p.Country, regions[p.RegionId].Code, regions[p.RegionId].NameJa, regions[p.RegionId].NameEn, p.Links, p.First))];
    }

    /// <summary>Regions (in order of their first link), countries and partner kinds that occur in the links.</summary>
    public async Task<LinkFacetsDto> FacetsAsync(CancellationToken ct)
    {
        var links = db.InternationalLinks.AsNoTracking();
        var firsts = await links.GroupBy(l => l.RegionId).Select(g => new { RegionId = g.Key, First = g.Min(l => l.Id) }).ToListAsync(ct);
        var ids = firsts.Select(f => f.RegionId).ToList();
        var names = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Code, r.NameJa, r.NameEn })
            .ToDictionaryAsync(r => r.Id, ct);
        var countries = await links.Select(l => l.PartnerOrganisation != null && l.PartnerOrganisation.CountryCode != "JP" ? l.PartnerOrganisation.CountryCode : l.CountryCode).Where(c => c != null).Distinct().ToListAsync(ct);
        var kinds = await links.Where(l => l.PartnerKind != null).Select(l => l.PartnerKind!).Distinct().ToListAsync(ct);
        return new LinkFacetsDto([.. firsts.OrderBy(f => f.First).Select(f => new LinkedRegionDto(names[f.RegionId].Code, names[f.RegionId].NameJa, names[f.RegionId].NameEn))],
            [.. countries.OfType<string>().Order(StringComparer.Ordinal)], [.. kinds.Order(StringComparer.Ordinal)]);
    }

    private IQueryable<InternationalLink> Matching(LinkFilter filter)
    {
        var query = db.InternationalLinks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            query = query.Where(l => l.Region!.Code == filter.Region);
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.ToUpperInvariant();
            query = filter.ByPartnerCountry
                ? query.Where(l => (l.PartnerOrganisation != null && l.PartnerOrganisation.CountryCode != "JP" ? l.PartnerOrganisation.CountryCode : l.CountryCode) == country)
                : query.Where(l => l.CountryCode == country);
        }
        if (!string.IsNullOrWhiteSpace(filter.PartnerKind))
        {
            query = query.Where(l => l.PartnerKind == filter.PartnerKind);
        }
        return query;
    }

    /// <summary>A region's first links (by id), without a count: the region's page counts all its lists in one query.</summary>
    public async Task<List<LinkDto>> ForRegionAsync(int regionId, int limit, CancellationToken ct) =>
        await MapAsync(await db.InternationalLinks.AsNoTracking().Where(l => l.RegionId == regionId).OrderBy(l => l.Id).Take(limit)
            .Include(l => l.Region).Include(l => l.PartnerOrganisation).ToListAsync(ct), ct);

    private async Task<List<LinkDto>> MapAsync(List<InternationalLink> rows, CancellationToken ct)
    {
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Link, rows.Select(r => r.Id), ct);
        return rows.Select(l => new LinkDto(l.Id, l.Region!.Code, l.Region.NameJa, FiscalYearDto.From(l.FiscalYear), l.CountryCode,
            l.PartnerName, l.PartnerOrganisation is null ? null : OrganisationQueries.Ref(l.PartnerOrganisation), l.PartnerKind,
            l.ActivityJa, l.Note, [.. cites[l.Id]])).ToList();
    }
}
