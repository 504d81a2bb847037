using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Indicators;
using ClusterAtlas.International;
using ClusterAtlas.Organisations;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Regions;

public sealed record ComparedRegionDto(RegionSummaryDto Region, IReadOnlyList<LinkDto> Links, IReadOnlyList<ObservationDto> Indicators);

public sealed record RegionComparisonDto(IReadOnlyList<ComparedRegionDto> Regions, IReadOnlyList<string> Unknown);

/// <summary>Up to <see cref="MaxRegions"/> regions side by side: terms, fields, indicators, international links. A fixed number of queries.</summary>
public sealed class RegionComparison(AtlasDbContext db)
{
    public const int MaxRegions = 10;

    public async Task<RegionComparisonDto> CompareAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        if (codes.Count > MaxRegions)
        {
            throw new ArgumentException($"At most {MaxRegions} regions can be compared.", nameof(codes));
        }
        var distinct = codes.Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Regions.AsNoTracking().Where(r => distinct.Contains(r.Code)).Select(r => new { r.Id, r.Code }).ToListAsync(ct);
        var ids = distinct.Select(c => found.FirstOrDefault(f => f.Code == c)?.Id).OfType<int>().ToList();
        var summaries = await new RegionQueries(db).SummariesAsync(ids, ct);

        var links = await db.InternationalLinks.AsNoTracking().Include(l => l.Region).Include(l => l.PartnerOrganisation)
            .Where(l => ids.Contains(l.RegionId)).OrderBy(l => l.Id).ToListAsync(ct);
        var linkCites = await CitationLookup.ForAsync(db, SubjectTypes.Link, links.Select(l => l.Id), ct);
        var observations = await db.IndicatorObservations.AsNoTracking().Include(o => o.Indicator).Include(o => o.Programme).Include(o => o.Region)
            .Where(o => o.RegionId != null && ids.Contains(o.RegionId.Value)).OrderBy(o => o.Id).ToListAsync(ct);
        var observationCites = await CitationLookup.ForAsync(db, SubjectTypes.Observation, observations.Select(o => o.Id), ct);

        var compared = summaries.Select(s => new ComparedRegionDto(s,
            [.. links.Where(l => l.RegionId == s.Id).Select(l => new LinkDto(l.Id, l.Region!.Code, l.Region.NameJa, FiscalYearDto.From(l.FiscalYear),
                l.CountryCode, l.PartnerName, l.PartnerOrganisation is null ? null : OrganisationQueries.Ref(l.PartnerOrganisation), l.PartnerKind,
                l.ActivityJa, l.Note, [.. linkCites[l.Id]]))],
            [.. observations.Where(o => o.RegionId == s.Id).Select(o => new ObservationDto(o.Id, o.Indicator!.Code, o.Indicator.NameJa,
                o.Indicator.NameEn, o.Programme?.Code, o.Region?.Code, o.Sector, FiscalYearDto.From(o.FiscalYearFrom), FiscalYearDto.From(o.FiscalYearTo),
                o.Value, o.PublishedText, o.Unit, o.Cumulative, o.Approximate, o.Target, o.Status.ToString().ToLowerInvariant(),
                o.Basis.ToString().ToLowerInvariant(), o.Note, [.. observationCites[o.Id]]))])).ToList();
        return new RegionComparisonDto(compared, [.. distinct.Where(c => found.All(f => f.Code != c))]);
    }
}
