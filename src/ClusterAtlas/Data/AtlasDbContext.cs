using ClusterAtlas.Events;
using ClusterAtlas.IndustrialClusters;
using ClusterAtlas.Indicators;
using ClusterAtlas.International;
using ClusterAtlas.Ministries;
using ClusterAtlas.Organisations;
using ClusterAtlas.People;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Search;
using ClusterAtlas.Seeding;
using ClusterAtlas.Sources;
using ClusterAtlas.Surveys;
using ClusterAtlas.Accounts;
using ClusterAtlas.Audit;
using ClusterAtlas.Editing;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Data;

/// <summary>The data layer: one context for both providers; migrations live in one assembly per provider.</summary>
public class AtlasDbContext(DbContextOptions<AtlasDbContext> options) : IdentityDbContext<AtlasUser>(options)
{
    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();
    public DbSet<Citation> Citations => Set<Citation>();
    public DbSet<Ministry> Ministries => Set<Ministry>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammeLineage> ProgrammeLineages => Set<ProgrammeLineage>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<MeasureCooperation> MeasureCooperations => Set<MeasureCooperation>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<RegionAlias> RegionAliases => Set<RegionAlias>();
    public DbSet<RegionPrefecture> RegionPrefectures => Set<RegionPrefecture>();
    public DbSet<RegionField> RegionFields => Set<RegionField>();
    public DbSet<RegionProposer> RegionProposers => Set<RegionProposer>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<InternationalLink> InternationalLinks => Set<InternationalLink>();
    public DbSet<IndustrialClusterProject> IndustrialClusterProjects => Set<IndustrialClusterProject>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorObservation> IndicatorObservations => Set<IndicatorObservation>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();
    public DbSet<DatasetLoad> DatasetLoads => Set<DatasetLoad>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<EditorScope> EditorScopes => Set<EditorScope>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names: readable in exports and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AtlasDbContext).Assembly);
    }
}
