using ClusterAtlas.Data;
using ClusterAtlas.Events;
using ClusterAtlas.IndustrialClusters;
using ClusterAtlas.Indicators;
using ClusterAtlas.International;
using ClusterAtlas.Ministries;
using ClusterAtlas.Organisations;
using ClusterAtlas.People;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Sources;
using ClusterAtlas.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Editing;

/// <summary>The registry tables people may change through change requests, with the citation subject type of each.
/// Sources, citations and derived tables (search index, load markers) change only with the curated dataset.</summary>
public static class EditableTables
{
    private static readonly Dictionary<Type, string> SubjectTypeOf = new()
    {
        [typeof(Ministry)] = SubjectTypes.Ministry,
        [typeof(Programme)] = SubjectTypes.Programme,
        [typeof(ProgrammeLineage)] = SubjectTypes.Lineage,
        [typeof(BudgetLine)] = SubjectTypes.Budget,
        [typeof(MeasureCooperation)] = SubjectTypes.Cooperation,
        [typeof(Region)] = SubjectTypes.Region,
        [typeof(RegionAlias)] = SubjectTypes.RegionAlias,
        [typeof(Participation)] = SubjectTypes.Participation,
        [typeof(Organisation)] = SubjectTypes.Organisation,
        [typeof(Person)] = SubjectTypes.Person,
        [typeof(RoleAssignment)] = SubjectTypes.RoleAssignment,
        [typeof(InternationalLink)] = SubjectTypes.Link,
        [typeof(IndustrialClusterProject)] = SubjectTypes.IndustrialCluster,
        [typeof(Event)] = SubjectTypes.Event,
        [typeof(IndicatorObservation)] = SubjectTypes.Observation,
        [typeof(Survey)] = SubjectTypes.Survey,
        [typeof(SurveyAnswer)] = SubjectTypes.SurveyAnswer,
    };

    public static IReadOnlyList<IEntityType> All(IModel model) =>
        SystemTables.RegistryParentsFirst(model).Where(t => SubjectTypeOf.ContainsKey(t.ClrType)).ToList();

    public static IEntityType? Find(IModel model, string? table) =>
        All(model).FirstOrDefault(t => string.Equals(t.GetTableName(), table, StringComparison.OrdinalIgnoreCase));

    /// <summary>Any registry table (also read-only ones), for history and as-of views.</summary>
    public static IEntityType? FindRegistryTable(IModel model, string? table) =>
        SystemTables.RegistryParentsFirst(model).FirstOrDefault(t => string.Equals(t.GetTableName(), table, StringComparison.OrdinalIgnoreCase));

    public static string CitationSubject(IEntityType type) => SubjectTypeOf[type.ClrType];

    public static object? ParseKey(IEntityType type, string key)
    {
        var property = type.FindPrimaryKey()!.Properties[0];
        return Transfer.TransferTables.TryParse(property, key, out var value) is null ? value : null;
    }
}
