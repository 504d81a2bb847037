using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Japanese;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>
/// Gives matched records their page code and facets: regions their own, links, people and organisations those of the
/// regions they belong to (people's and organisations' regions from <see cref="FacetFacts.Roles"/>, projects' from
/// <see cref="FacetFacts.Projects"/>, in memory), events, surveys and industrial clusters those of their programme.
/// One query per kind of record matched, each with its ids as one array parameter (<c>EF.Parameter</c>: json_each on
/// SQLite, <c>= ANY</c> on PostgreSQL): a thousand ids as as many SQL parameters took SQLite 13 ms to parse and bind
/// for one query, the array 4 ms.
/// </summary>
internal sealed class FacetRelations(AtlasDbContext db, FacetFacts facts)
{
    public async Task ApplyAsync(List<FacetProfile> profiles, CancellationToken ct)
    {
        List<int> IdsOf(string type) => [.. profiles.Where(p => p.Type == type).Select(p => p.Id)];
        var linkIds = IdsOf(SearchTypes.Link);
        var links = await ByIdAsync(linkIds, db.InternationalLinks.AsNoTracking().Where(l => EF.Parameter(linkIds).Contains(l.Id))
            .Select(l => new { l.Id, l.RegionId, l.FiscalYear }), l => l.Id, ct);
        var eventIds = IdsOf(SearchTypes.Event);
        var events = await ByIdAsync(eventIds, db.Events.AsNoTracking().Where(e => EF.Parameter(eventIds).Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.ProgrammeId, e.FiscalYear, e.StartDate, e.Organisers }), e => e.Id, ct);
        var clusterIds = IdsOf(SearchTypes.IndustrialCluster);
        var clusters = await ByIdAsync(clusterIds, db.IndustrialClusterProjects.AsNoTracking().Where(c => EF.Parameter(clusterIds).Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.AsOfYear }), c => c.Id, ct);
        var surveyIds = IdsOf(SearchTypes.Survey);
        var surveys = await ByIdAsync(surveyIds, db.Surveys.AsNoTracking().Where(s => EF.Parameter(surveyIds).Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.ProgrammeId, s.FiscalYear }), s => s.Id, ct);
        // The METI industrial-cluster projects belong to 産業クラスター計画 (code "ic") though the data has no link to it.
        var industrialCluster = facts.ProgrammesByIndex.FirstOrDefault(p => p.Code == "ic");

        // A region's facets, and the years of the tie (a role's start and end, a link's year; 0 where not known).
        void AbsorbTies(FacetProfile p, ReadOnlySpan<RegionTie> ties)
        {
            foreach (var tie in ties)
            {
                if (facts.Regions.TryGetValue(tie.RegionId, out var region))
                {
                    p.Absorb(region);
                    p.Span(tie.From == 0 ? null : tie.From, tie.To == 0 ? null : tie.To);
                }
            }
        }

        void Absorb(FacetProfile p, int regionId)
        {
            if (facts.Regions.TryGetValue(regionId, out var region))
            {
                p.Absorb(region);
            }
        }

        foreach (var p in profiles)
        {
            switch (p.Type)
            {
                case SearchTypes.Region when facts.Regions.TryGetValue(p.Id, out var region):
                    p.Code = region.Code;
                    p.Absorb(region);
                    p.Span(region.From, region.To);
                    break;
                case SearchTypes.Project when facts.Projects.TryGet(p.Id, out var project):
                    p.Code = p.Id.ToString(CultureInfo.InvariantCulture);
                    if (facts.Regions.TryGetValue(project.RegionId, out var projectRegion))
                    {
                        p.AbsorbPlace(projectRegion);
                    }
                    p.AddProgramme(facts, project.ProgrammeId);
                    p.Span(project.From, project.To);
                    break;
                case SearchTypes.Programme when facts.Programmes.TryGetValue(p.Id, out var programme):
                    p.Code = programme.Code;
                    p.AddProgramme(facts, p.Id);
                    break;
                case SearchTypes.Link when links.TryGetValue(p.Id, out var link):
                    p.Code = link.Id.ToString(CultureInfo.InvariantCulture);
                    Absorb(p, link.RegionId);
                    p.Span(link.FiscalYear, link.FiscalYear);
                    break;
                case SearchTypes.Person:
                    AbsorbTies(p, facts.Roles.OfPerson(p.Id));
                    break;
                case SearchTypes.Organisation:
                    AbsorbTies(p, facts.Roles.OfOrganisation(p.Id));
                    break;
                case SearchTypes.Event when events.TryGetValue(p.Id, out var ev):
                    p.Code = ev.Code;
                    p.AddProgramme(facts, ev.ProgrammeId);
                    var year = ev.FiscalYear ?? (ev.StartDate is { } d ? FiscalYear.Of(d).StartYear : null);
                    p.Span(year, year);
                    foreach (var organiser in (ev.Organisers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (facts.MinistryIndex(organiser) is var m and >= 0)
                        {
                            p.Ministries.Add(m);
                        }
                    }
                    break;
                case SearchTypes.IndustrialCluster when clusters.TryGetValue(p.Id, out var cluster):
                    p.Code = cluster.Code;
                    p.AddProgramme(facts, industrialCluster?.Id);
                    p.Span(cluster.AsOfYear, cluster.AsOfYear);
                    break;
                case SearchTypes.Survey when surveys.TryGetValue(p.Id, out var survey):
                    p.Code = survey.Code;
                    p.AddProgramme(facts, survey.ProgrammeId);
                    p.Span(survey.FiscalYear, survey.FiscalYear);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// Whether a matched record's code is read only for the hits shown (<see cref="CodesAsync"/>): people's and
    /// organisations' facets come from their ties held in memory, and reading a thousand codes cost up to 4 ms.
    /// </summary>
    public static bool CodedLater(string type) => type is SearchTypes.Person or SearchTypes.Organisation;

    /// <summary>Gives the shown people and organisations their codes; a record that is gone keeps none.</summary>
    public async Task CodesAsync(IReadOnlyList<FacetProfile> shown, CancellationToken ct)
    {
        var personIds = shown.Where(p => p.Type == SearchTypes.Person).Select(p => p.Id).ToList();
        var organisationIds = shown.Where(p => p.Type == SearchTypes.Organisation).Select(p => p.Id).ToList();
        var people = await ByIdAsync(personIds, db.People.AsNoTracking().Where(p => EF.Parameter(personIds).Contains(p.Id)).Select(p => new { p.Id, p.Code }), p => p.Id, ct);
        var organisations = await ByIdAsync(organisationIds, db.Organisations.AsNoTracking().Where(o => EF.Parameter(organisationIds).Contains(o.Id))
            .Select(o => new { o.Id, o.Code }), o => o.Id, ct);
        foreach (var p in shown)
        {
            if (p.Type == SearchTypes.Person && people.TryGetValue(p.Id, out var person))
            {
                p.Code = person.Code;
            }
            else if (p.Type == SearchTypes.Organisation && organisations.TryGetValue(p.Id, out var organisation))
            {
                p.Code = organisation.Code;
            }
        }
    }

    /// <summary>The rows for these ids by id; no round trip when there are none (most searches match few kinds of record).</summary>
    private static async Task<Dictionary<int, T>> ByIdAsync<T>(List<int> ids, IQueryable<T> rows, Func<T, int> id, CancellationToken ct) =>
        ids.Count == 0 ? [] : await rows.ToDictionaryAsync(id, ct);
}
