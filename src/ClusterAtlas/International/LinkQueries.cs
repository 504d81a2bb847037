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

public sealed record LinkFilter(string? Region, string? Country, string? PartnerKind);

public sealed class LinkQueries(AtlasDbContext db)
{
    /// <summary>Links matching the filter; without a page request, all of them (used inside a region's page).</summary>
    public async Task<Page<LinkDto>> ListAsync(LinkFilter filter, PageRequest? page, CancellationToken ct)
    {
        var query = db.InternationalLinks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            query = query.Where(l => l.Region!.Code == filter.Region);
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.ToUpperInvariant();
            query = query.Where(l => l.CountryCode == country);
        }
        if (!string.IsNullOrWhiteSpace(filter.PartnerKind))
        {
            query = query.Where(l => l.PartnerKind == filter.PartnerKind);
        }
        query = query.Include(l => l.Region).Include(l => l.PartnerOrganisation);
        return await query.ToPageAsync(page ?? new PageRequest(int.MaxValue - 1, 0, null), rows => MapAsync(rows, ct), ct);
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
