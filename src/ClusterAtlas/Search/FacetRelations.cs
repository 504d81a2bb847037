using System.Globalization;

namespace ClusterAtlas.Search;

/// <summary>
/// Gives matched records their page code and facets, all from <see cref="FacetFacts"/> in memory: regions their own,
/// projects their region's place and their own programme and years (<see cref="FacetFacts.Projects"/>), people and
/// organisations those of the regions they belong to (<see cref="FacetFacts.OfPerson"/> / <see cref="FacetFacts.OfOrganisation"/>),
/// links, events, industrial clusters and surveys their own (<see cref="FacetFacts.Records"/>).
/// </summary>
internal static class FacetRelations
{
    public static void Apply(FacetFacts facts, List<FacetProfile> profiles)
    {
        foreach (var p in profiles)
        {
            switch (p.Type)
            {
                case SearchTypes.Region when facts.Regions.TryGetValue(p.Id, out var region):
                    p.Code = region.Code;
                    p.Take(region);
                    break;
                case SearchTypes.Project when facts.Projects.TryGet(p.Id, out var project):
                    p.Code = p.Id.ToString(CultureInfo.InvariantCulture);
                    p.Take(facts.Regions.GetValueOrDefault(project.RegionId), facts.Closure(project.ProgrammeId), project.From, project.To);
                    break;
                case SearchTypes.Programme when facts.Programmes.TryGetValue(p.Id, out var programme):
                    p.Code = programme.Code;
                    p.Take(facts.Closure(p.Id));
                    break;
                case SearchTypes.Person:
                    p.Take(facts.OfPerson(p.Id));
                    break;
                case SearchTypes.Organisation:
                    p.Take(facts.OfOrganisation(p.Id));
                    break;
                case var type when facts.Records.TryGet(type, p.Id, out var record):
                    p.Code = record.Code;
                    p.Take(record.Values);
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
}
