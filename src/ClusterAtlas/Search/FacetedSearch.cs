using System.Globalization;
using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Japanese;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>Facet selections: values within a facet are ORed, facets are ANDed; an empty selection does not filter.</summary>
public sealed record SearchFilters(
    IReadOnlyCollection<string> Types, IReadOnlyCollection<string> Programmes, int? FiscalYearFrom, int? FiscalYearTo,
    IReadOnlyCollection<string> Fields, IReadOnlyCollection<string> Prefectures, IReadOnlyCollection<string> Ministries)
{
    public static SearchFilters None { get; } = new([], [], null, null, [], [], []);
}

public sealed record FacetCountDto(string Value, string LabelJa, string LabelEn, int Count);

/// <summary>A hit with the code of its page and the attributes the facets look at.</summary>
public sealed record FacetedHitDto(
    string Type, int Id, string Code, string Title, string? TitleEn, string? Excerpt, string? RegionCode, FiscalYearDto? FiscalYearFrom, FiscalYearDto? FiscalYearTo,
    IReadOnlyList<string> Programmes, IReadOnlyList<string> Fields, IReadOnlyList<string> Prefectures, IReadOnlyList<string> Ministries);

public sealed record FacetedSearchResultDto(
    string Query, IReadOnlyList<FacetedHitDto> Items, int Total, int Offset, int Limit, bool Capped,
    IReadOnlyList<FacetCountDto> Types, IReadOnlyList<FacetCountDto> Programmes, IReadOnlyList<FacetCountDto> FiscalYears,
    IReadOnlyList<FacetCountDto> Fields, IReadOnlyList<FacetCountDto> Prefectures, IReadOnlyList<FacetCountDto> Ministries);

/// <summary>
/// The portal's search: <see cref="SearchQuery"/> finds the records, then the facet attributes of at most
/// <see cref="MaxMatches"/> of them are loaded in one batch per kind of record (no query per hit), and filtering and
/// facet counts are done on that set. A facet's counts ignore its own selection, so choosing one value does not hide the others.
/// </summary>
public sealed class FacetedSearch(AtlasDbContext db)
{
    public const int MaxMatches = 1000;

    private static readonly string[] TypeOrder =
        [SearchTypes.Region, SearchTypes.Programme, SearchTypes.Organisation, SearchTypes.Person, SearchTypes.Event,
         SearchTypes.IndustrialCluster, SearchTypes.Link, SearchTypes.Survey];

    private sealed class Profile
    {
        public required string Type { get; init; }
        public required int Id { get; init; }
        public required string Title { get; init; }
        public string? TitleEn { get; init; }
        public bool TitleMatch { get; init; }
        /// <summary>Where the terms occur when the title does not hold them all (from the normalised search text).</summary>
        public string? Excerpt { get; init; }
        public string Code { get; set; } = "";
        public string? RegionCode { get; set; }
        public int? From { get; set; }
        public int? To { get; set; }
        public HashSet<string> Programmes { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Fields { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Prefectures { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Ministries { get; } = new(StringComparer.Ordinal);

        public void Span(int? from, int? to)
        {
            if (from is null && to is null)
            {
                return;
            }
            var f = from ?? to!.Value;
            var t = to ?? f;
            From = From is null ? f : Math.Min(From.Value, f);
            To = To is null ? t : Math.Max(To.Value, t);
        }

        public void Absorb(Profile region)
        {
            RegionCode ??= region.Code;
            Programmes.UnionWith(region.Programmes);
            Fields.UnionWith(region.Fields);
            Prefectures.UnionWith(region.Prefectures);
            Ministries.UnionWith(region.Ministries);
        }
    }

    public async Task<FacetedSearchResultDto> SearchAsync(string q, SearchFilters filters, int offset, int limit, CancellationToken ct)
    {
        var terms = SearchHighlighter.Terms(q);
        var entries = await new SearchQuery(db).Matching(q).OrderBy(e => e.Id).Take(MaxMatches + 1)
            .Select(e => new { e.EntityType, e.EntityId, e.Title, e.TitleEn, e.Normalized }).ToListAsync(ct);
        var capped = entries.Count > MaxMatches;
        var profiles = entries.Take(MaxMatches).Select(e =>
        {
            var titleMatch = terms.All(t => JapaneseText.Normalize(e.Title + " " + e.TitleEn).Contains(t, StringComparison.Ordinal));
            return new Profile
            {
                Type = e.EntityType, Id = e.EntityId, Title = e.Title, TitleEn = e.TitleEn, TitleMatch = titleMatch,
                Excerpt = titleMatch ? null : Excerpt(e.Normalized, terms),
            };
        }).ToList();

        var programmes = await db.Programmes.AsNoTracking()
            .Select(p => new { p.Id, p.Code, p.NameJa, p.NameEn, p.ParentId, Ministry = p.Ministry == null ? null : p.Ministry.Code })
            .ToDictionaryAsync(p => p.Id, ct);
        var ministries = await db.Ministries.AsNoTracking().Select(m => new { m.Code, m.NameJa, m.NameEn }).ToDictionaryAsync(m => m.Code, ct);
        void AddProgramme(Profile p, int? programmeId)
        {
            for (var id = programmeId; id is { } current && programmes.TryGetValue(current, out var row); id = row.ParentId)
            {
                p.Programmes.Add(row.Code);
                if (row.Ministry is not null)
                {
                    p.Ministries.Add(row.Ministry);
                }
            }
        }
        List<int> IdsOf(string type) => [.. profiles.Where(p => p.Type == type).Select(p => p.Id)];

        // Related regions first: links, people and organisations take their facets from the regions they belong to.
        var linkIds = IdsOf(SearchTypes.Link);
        var links = await db.InternationalLinks.AsNoTracking().Where(l => linkIds.Contains(l.Id))
            .Select(l => new { l.Id, l.RegionId, l.FiscalYear }).ToDictionaryAsync(l => l.Id, ct);
        var personIds = IdsOf(SearchTypes.Person);
        var organisationIds = IdsOf(SearchTypes.Organisation);
        var roles = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.RegionId != null && (personIds.Contains(r.PersonId) || (r.OrganisationId != null && organisationIds.Contains(r.OrganisationId.Value))))
            .Select(r => new { r.PersonId, r.OrganisationId, RegionId = r.RegionId!.Value, r.FromDate, r.ToDate }).ToListAsync(ct);
        var organisationLinks = await db.InternationalLinks.AsNoTracking()
            .Where(l => l.PartnerOrganisationId != null && organisationIds.Contains(l.PartnerOrganisationId.Value))
            .Select(l => new { OrganisationId = l.PartnerOrganisationId!.Value, l.RegionId, l.FiscalYear }).ToListAsync(ct);
        var regionIds = IdsOf(SearchTypes.Region).Concat(links.Values.Select(l => l.RegionId)).Concat(roles.Select(r => r.RegionId))
            .Concat(organisationLinks.Select(l => l.RegionId)).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().AsSplitQuery().Where(r => regionIds.Contains(r.Id))
            .Include(r => r.Fields).Include(r => r.Prefectures).Include(r => r.Participations).ToListAsync(ct);
        var regionProfiles = regions.ToDictionary(r => r.Id, r =>
        {
            var p = new Profile { Type = SearchTypes.Region, Id = r.Id, Title = r.NameJa, Code = r.Code, RegionCode = r.Code };
            p.Fields.UnionWith(r.Fields.Select(f => f.Field));
            p.Prefectures.UnionWith(r.Prefectures.Select(x => x.Prefecture));
            foreach (var part in r.Participations)
            {
                AddProgramme(p, part.ProgrammeId);
                p.Span(part.StartFiscalYear, part.EndFiscalYear ?? part.StartFiscalYear);
            }
            return p;
        });

        var eventIds = IdsOf(SearchTypes.Event);
        var events = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.ProgrammeId, e.FiscalYear, e.StartDate, e.Organisers }).ToDictionaryAsync(e => e.Id, ct);
        var clusterIds = IdsOf(SearchTypes.IndustrialCluster);
        var clusters = await db.IndustrialClusterProjects.AsNoTracking().Where(c => clusterIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.AsOfYear }).ToDictionaryAsync(c => c.Id, ct);
        var surveyIds = IdsOf(SearchTypes.Survey);
        var surveys = await db.Surveys.AsNoTracking().Where(s => surveyIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.ProgrammeId, s.FiscalYear }).ToDictionaryAsync(s => s.Id, ct);
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Code }).ToDictionaryAsync(p => p.Id, ct);
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Code }).ToDictionaryAsync(o => o.Id, ct);
        // The METI industrial-cluster projects belong to 産業クラスター計画 (code "ic") though the data has no link to it.
        var industrialCluster = programmes.Values.FirstOrDefault(p => p.Code == "ic");

        foreach (var p in profiles)
        {
            switch (p.Type)
            {
                case SearchTypes.Region when regionProfiles.TryGetValue(p.Id, out var region):
                    p.Code = region.Code;
                    p.Absorb(region);
                    p.Span(region.From, region.To);
                    break;
                case SearchTypes.Programme when programmes.TryGetValue(p.Id, out var programme):
                    p.Code = programme.Code;
                    AddProgramme(p, p.Id);
                    break;
                case SearchTypes.Link when links.TryGetValue(p.Id, out var link):
                    p.Code = link.Id.ToString(CultureInfo.InvariantCulture);
                    if (regionProfiles.TryGetValue(link.RegionId, out var linkRegion))
                    {
                        p.Absorb(linkRegion);
                    }
                    p.Span(link.FiscalYear, link.FiscalYear);
                    break;
                case SearchTypes.Person when people.TryGetValue(p.Id, out var person):
                    p.Code = person.Code;
                    foreach (var role in roles.Where(r => r.PersonId == p.Id && regionProfiles.ContainsKey(r.RegionId)))
                    {
                        p.Absorb(regionProfiles[role.RegionId]);
                        p.Span(role.FromDate is { } f ? FiscalYear.Of(f).StartYear : null, role.ToDate is { } t ? FiscalYear.Of(t).StartYear : null);
                    }
                    break;
                case SearchTypes.Organisation when organisations.TryGetValue(p.Id, out var organisation):
                    p.Code = organisation.Code;
                    foreach (var regionId in roles.Where(r => r.OrganisationId == p.Id).Select(r => r.RegionId)
                                 .Concat(organisationLinks.Where(l => l.OrganisationId == p.Id).Select(l => l.RegionId)).Where(regionProfiles.ContainsKey))
                    {
                        p.Absorb(regionProfiles[regionId]);
                    }
                    foreach (var l in organisationLinks.Where(l => l.OrganisationId == p.Id))
                    {
                        p.Span(l.FiscalYear, l.FiscalYear);
                    }
                    break;
                case SearchTypes.Event when events.TryGetValue(p.Id, out var ev):
                    p.Code = ev.Code;
                    AddProgramme(p, ev.ProgrammeId);
                    var year = ev.FiscalYear ?? (ev.StartDate is { } d ? FiscalYear.Of(d).StartYear : null);
                    p.Span(year, year);
                    foreach (var organiser in (ev.Organisers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (ministries.ContainsKey(organiser))
                        {
                            p.Ministries.Add(organiser);
                        }
                    }
                    break;
                case SearchTypes.IndustrialCluster when clusters.TryGetValue(p.Id, out var cluster):
                    p.Code = cluster.Code;
                    AddProgramme(p, industrialCluster?.Id);
                    p.Span(cluster.AsOfYear, cluster.AsOfYear);
                    break;
                case SearchTypes.Survey when surveys.TryGetValue(p.Id, out var survey):
                    p.Code = survey.Code;
                    AddProgramme(p, survey.ProgrammeId);
                    p.Span(survey.FiscalYear, survey.FiscalYear);
                    break;
                default:
                    break;
            }
        }
        profiles.RemoveAll(p => p.Code.Length == 0);

        bool Any(HashSet<string> values, IReadOnlyCollection<string> selected) => selected.Count == 0 || selected.Any(values.Contains);
        bool InYears(Profile p) => (filters.FiscalYearFrom is null && filters.FiscalYearTo is null)
            || (p.From is not null && (filters.FiscalYearTo is null || p.From <= filters.FiscalYearTo) && (filters.FiscalYearFrom is null || p.To >= filters.FiscalYearFrom));
        bool Passes(Profile p, string except) =>
            (except == "type" || filters.Types.Count == 0 || filters.Types.Contains(p.Type))
            && (except == "programme" || Any(p.Programmes, filters.Programmes))
            && (except == "year" || InYears(p))
            && (except == "field" || Any(p.Fields, filters.Fields))
            && (except == "prefecture" || Any(p.Prefectures, filters.Prefectures))
            && (except == "ministry" || Any(p.Ministries, filters.Ministries));
        List<FacetCountDto> Count(string facet, Func<Profile, IEnumerable<string>> values, Func<string, (string Ja, string En)> label) =>
            [.. profiles.Where(p => Passes(p, facet)).SelectMany(values).GroupBy(v => v, StringComparer.Ordinal)
                .Select(g => { var (ja, en) = label(g.Key); return new FacetCountDto(g.Key, ja, en, g.Count()); })
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)];

        var programmesByCode = programmes.Values.ToDictionary(p => p.Code, p => (p.NameJa, p.NameEn), StringComparer.Ordinal);
        var typeFacet = Count("type", p => [p.Type], v => (v, v)).OrderBy(f => Array.IndexOf(TypeOrder, f.Value)).ToList();
        var programmeFacet = Count("programme", p => p.Programmes, v => programmesByCode.GetValueOrDefault(v, (v, v)));
        var yearFacet = Count("year", p => p.From is null ? [] : Enumerable.Range(p.From.Value, p.To!.Value - p.From.Value + 1)
                .Select(y => y.ToString(CultureInfo.InvariantCulture)),
            v => { var fy = new FiscalYear(int.Parse(v, CultureInfo.InvariantCulture)); return (fy.JapaneseLabel, fy.EnglishLabel); })
            .OrderBy(f => f.Value, StringComparer.Ordinal).ToList();
        var fieldFacet = Count("field", p => p.Fields, v => (v, v));
        var prefectureFacet = Count("prefecture", p => p.Prefectures, v => (v, v));
        var ministryFacet = Count("ministry", p => p.Ministries, v => ministries.TryGetValue(v, out var m) ? (m.NameJa, m.NameEn) : (v, v));

        var hits = profiles.Where(p => Passes(p, "")).OrderByDescending(p => p.TitleMatch)
            .ThenBy(p => Array.IndexOf(TypeOrder, p.Type)).ThenBy(p => p.Title, StringComparer.Ordinal).ToList();
        var page = hits.Skip(offset).Take(limit).Select(p => new FacetedHitDto(p.Type, p.Id, p.Code, p.Title, p.TitleEn, p.Excerpt, p.RegionCode,
            FiscalYearDto.From(p.From), FiscalYearDto.From(p.To), [.. p.Programmes], [.. p.Fields], [.. p.Prefectures], [.. p.Ministries])).ToList();
        return new FacetedSearchResultDto(q, page, hits.Count, offset, limit, capped, typeFacet, programmeFacet, yearFacet, fieldFacet, prefectureFacet, ministryFacet);
    }

    /// <summary>About 60 characters around the first term found in the text, with ellipses where it is cut.</summary>
    private static string? Excerpt(string text, IReadOnlyList<string> terms)
    {
        var at = terms.Select(t => text.IndexOf(t, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (at < 0)
        {
            return null;
        }
        var start = Math.Max(0, at - 25);
        var end = Math.Min(text.Length, at + 35);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
