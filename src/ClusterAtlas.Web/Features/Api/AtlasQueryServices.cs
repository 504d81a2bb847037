using ClusterAtlas.Events;
using ClusterAtlas.IndustrialClusters;
using ClusterAtlas.Indicators;
using ClusterAtlas.International;
using ClusterAtlas.Ministries;
using ClusterAtlas.Network;
using ClusterAtlas.Organisations;
using ClusterAtlas.Overview;
using ClusterAtlas.People;
using ClusterAtlas.Programmes;
using ClusterAtlas.Reconciliation;
using ClusterAtlas.Regions;
using ClusterAtlas.Search;
using ClusterAtlas.Seeding;
using ClusterAtlas.Sources;
using ClusterAtlas.Surveys;

namespace ClusterAtlas.Web.Features.Api;

internal static class AtlasQueryServices
{
    public static IServiceCollection AddAtlasQueries(this IServiceCollection services) => services
        .AddScoped<RegionQueries>().AddScoped<ProgrammeMembers>().AddScoped<RegionDetails>().AddScoped<ProgrammeQueries>().AddScoped<BudgetFigures>().AddScoped<CooperationQueries>().AddScoped<MinistryQueries>()
        .AddScoped<OrganisationQueries>().AddScoped<PeopleQueries>().AddScoped<LinkQueries>().AddScoped<EventQueries>()
        .AddScoped<IndustrialClusterQueries>().AddScoped<ObservationQueries>().AddScoped<SurveyQueries>()
        .AddScoped<SourceQueries>().AddScoped<SearchService>().AddScoped<SeedCuratedDataset>()
        // The portal's queries (pages under Features/ and /api/v1/network).
        .AddScoped<NetworkGraph>().AddScoped<RegionComparison>().AddScoped<RegionFacets>().AddScoped<ProgrammeOverview>()
        .AddScoped<CitingRecords>().AddScoped<OrganisationRelations>().AddScoped<FacetedSearch>().AddScoped<HeadlineFigures>()
        .AddScoped<UpdateFeed>().AddScoped<RegistryCounts>()
        // Data quality: the reconciliation of the budget tables (/api/v1/quality, `atlas check`).
        .AddScoped<BudgetQuality>();
}
