using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Events;
using ClusterAtlas.IndustrialClusters;
using ClusterAtlas.International;
using ClusterAtlas.Ministries;
using ClusterAtlas.Organisations;
using ClusterAtlas.Paging;
using ClusterAtlas.People;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Surveys;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>
/// Which search entries a change to one record touches (type → ids): the record's own entry and the entries whose
/// text holds some of it — a region's entry holds its aliases, fields and prefectures (not its projects, which have
/// entries of their own); a person's holds their role titles; a programme's its ministry's name; a link's its region's
/// name. Both the record before and after the change count, so moving an alias between regions updates both.
/// </summary>
public static class SearchTargets
{
    public static async Task<Dictionary<string, HashSet<int>>> OfChangeAsync(AtlasDbContext db, Type table,
        IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after, CancellationToken ct)
    {
        var targets = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        void Add(string type, IEnumerable<int> ids)
        {
            if (!targets.TryGetValue(type, out var set))
            {
                targets[type] = set = [];
            }
            set.UnionWith(ids);
        }
        List<int> Values(string field) =>
            [.. new[] { before, after }.Select(r => r.GetValueOrDefault(field))
                .Where(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                .Select(v => int.Parse(v!, CultureInfo.InvariantCulture)).Distinct()];
        var id = Values(nameof(IHasId.Id));

        switch (table.Name)
        {
            case nameof(Region):
                Add(SearchTypes.Region, id);
                Add(SearchTypes.Link, await db.InternationalLinks.Where(l => id.Contains(l.RegionId)).Select(l => l.Id).ToListAsync(ct));
                break;
            case nameof(RegionAlias) or nameof(RegionField) or nameof(RegionPrefecture):
                Add(SearchTypes.Region, Values(nameof(RegionAlias.RegionId)));
                break;
            case nameof(Participation):
                Add(SearchTypes.Project, id);
                break;
            case nameof(Programme):
                Add(SearchTypes.Programme, id);
                break;
            case nameof(Ministry):
                Add(SearchTypes.Programme, await db.Programmes.Where(p => p.MinistryId != null && id.Contains(p.MinistryId.Value)).Select(p => p.Id).ToListAsync(ct));
                break;
            case nameof(RoleAssignment):
                Add(SearchTypes.Person, Values(nameof(RoleAssignment.PersonId)));
                break;
            case nameof(Organisation):
                Add(SearchTypes.Organisation, id);
                break;
            case nameof(Person):
                Add(SearchTypes.Person, id);
                break;
            case nameof(Event):
                Add(SearchTypes.Event, id);
                break;
            case nameof(IndustrialClusterProject):
                Add(SearchTypes.IndustrialCluster, id);
                break;
            case nameof(InternationalLink):
                Add(SearchTypes.Link, id);
                break;
            case nameof(Survey):
                Add(SearchTypes.Survey, id);
                break;
            default:
                break; // Budgets, citations, indicators and the like are not searched.
        }
        return targets;
    }
}
