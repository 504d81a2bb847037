using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Japanese;

namespace ClusterAtlas.Search;

/// <summary>
/// Gives matched records their page code and facets: regions their own, links, people and organisations those of the
/// regions they belong to (people's and organisations' from <see cref="FacetFacts.OfPerson"/> / <see cref="FacetFacts.OfOrganisation"/>, projects' from
/// <see cref="FacetFacts.Projects"/>, in memory), events, surveys and industrial clusters those of their programme.
/// The rows of matched links, events, surveys and industrial clusters come in one command, a statement per kind matched,
/// with the ids written into the SQL as numbers: a thousand ids as as many SQL parameters took SQLite 13 ms to parse and
/// bind for one query, an array parameter 4 ms, an EF query per kind 0.3–0.5 ms each.
/// </summary>
internal sealed class FacetRelations(AtlasDbContext db, FacetFacts facts)
{
    public async Task ApplyAsync(List<FacetProfile> profiles, CancellationToken ct)
    {
        var related = await RelatedAsync(profiles, ct);
        Related? Of(FacetProfile p) => related.TryGetValue((p.Type, p.Id), out var r) ? r : null;
        // The METI industrial-cluster projects belong to 産業クラスター計画 (code "ic") though the data has no link to it.
        var industrialCluster = facts.ProgrammesByIndex.FirstOrDefault(p => p.Code == "ic");

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
                case SearchTypes.Link when Of(p) is { } link:
                    p.Code = p.Id.ToString(CultureInfo.InvariantCulture);
                    Absorb(p, link.RegionId!.Value);
                    p.Span(link.FiscalYear, link.FiscalYear);
                    break;
                case SearchTypes.Person:
                    p.Absorb(facts.OfPerson(p.Id));
                    break;
                case SearchTypes.Organisation:
                    p.Absorb(facts.OfOrganisation(p.Id));
                    break;
                case SearchTypes.Event when Of(p) is { } ev:
                    p.Code = ev.Code!;
                    p.AddProgramme(facts, ev.ProgrammeId);
                    var year = ev.FiscalYear ?? (ev.Start is { } d ? FiscalYear.Of(d).StartYear : null);
                    p.Span(year, year);
                    foreach (var organiser in (ev.Organisers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (facts.MinistryIndex(organiser) is var m and >= 0)
                        {
                            p.Ministries.Add(m);
                        }
                    }
                    break;
                case SearchTypes.IndustrialCluster when Of(p) is { } cluster:
                    p.Code = cluster.Code!;
                    p.AddProgramme(facts, industrialCluster?.Id);
                    p.Span(cluster.FiscalYear, cluster.FiscalYear);
                    break;
                case SearchTypes.Survey when Of(p) is { } survey:
                    p.Code = survey.Code!;
                    p.AddProgramme(facts, survey.ProgrammeId);
                    p.Span(survey.FiscalYear, survey.FiscalYear);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// Whether a matched record's code is read only for the hits shown (FacetedSearch reads them with the page's
    /// titles): people's and organisations' facets come from their ties held in memory, and reading a thousand codes
    /// cost up to 4 ms.
    /// </summary>
    public static bool CodedLater(string type) => type is SearchTypes.Person or SearchTypes.Organisation;

    /// <summary>A matched link's, event's, industrial cluster's or survey's own facts (a cluster's year is its as-of year).</summary>
    private sealed record Related(string? Code, int? RegionId, int? ProgrammeId, int? FiscalYear, DateOnly? Start, string? Organisers);

    /// <summary>
    /// The facts of the matched links, events, industrial clusters and surveys, in one command with a statement per kind
    /// matched (their ids are numbers from the index, written into the SQL): an EF query per kind cost 0.3–0.5 ms each.
    /// </summary>
    private async Task<Dictionary<(string, int), Related>> RelatedAsync(List<FacetProfile> profiles, CancellationToken ct)
    {
        var result = new Dictionary<(string, int), Related>();
        var statements = new List<(string Type, string Sql)>();
        foreach (var (type, select) in RelatedSql)
        {
            if (profiles.Where(p => p.Type == type).Select(p => p.Id).ToList() is { Count: > 0 } ids)
            {
                statements.Add((type, $"{select} WHERE \"Id\" IN ({SqlBatch.Numbers(ids)})"));
            }
        }
        if (statements.Count == 0)
        {
            return result;
        }
        await SqlBatch.ReadAsync(db, [.. statements.Select(s => s.Sql)], [], (statement, row) =>
        {
            int? Int(int i) => row.IsDBNull(i) ? null : row.GetInt32(i);
            string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
            var type = statements[statement].Type;
            result[(type, row.GetInt32(0))] = type switch
            {
                SearchTypes.Link => new Related(null, Int(1), null, Int(2), null, null),
                SearchTypes.Event => new Related(Text(1), null, Int(2), Int(3), row.IsDBNull(4) ? null : row.GetFieldValue<DateOnly>(4), Text(5)),
                SearchTypes.IndustrialCluster => new Related(Text(1), null, null, Int(2), null, null),
                _ => new Related(Text(1), null, Int(2), Int(3), null, null),
            };
        }, ct);
        return result;
    }

    private static readonly (string Type, string Select)[] RelatedSql =
    [
        (SearchTypes.Link, "SELECT \"Id\", \"RegionId\", \"FiscalYear\" FROM \"InternationalLinks\""),
        (SearchTypes.Event, "SELECT \"Id\", \"Code\", \"ProgrammeId\", \"FiscalYear\", \"StartDate\", \"Organisers\" FROM \"Events\""),
        (SearchTypes.IndustrialCluster, "SELECT \"Id\", \"Code\", \"AsOfYear\" FROM \"IndustrialClusterProjects\""),
        (SearchTypes.Survey, "SELECT \"Id\", \"Code\", \"ProgrammeId\", \"FiscalYear\" FROM \"Surveys\""),
    ];
}
