using ClusterAtlas.Events;
using ClusterAtlas.IndustrialClusters;
using ClusterAtlas.Indicators;
using ClusterAtlas.International;
using ClusterAtlas.Ministries;
using ClusterAtlas.Network;
using ClusterAtlas.Organisations;
using ClusterAtlas.Paging;
using ClusterAtlas.People;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Search;
using ClusterAtlas.Sources;
using ClusterAtlas.Surveys;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterAtlas.Web.Features.Api;

/// <summary>/api/v1: read endpoints of the registry. Lists page with limit/offset or cursor; every fact has citations.</summary>
internal static class RegistryApi
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Registry");
        api.MapGet("/regions", ListRegions);
        api.MapGet("/regions/{id}", GetRegion).CacheOutput(RegistryCaching.Policy);
        api.MapGet("/programmes", (ProgrammeQueries q, string? ministry, string? kind, string? parent, string? limit, string? offset, string? cursor, CancellationToken ct) =>
            ListProgrammes(q, new ProgrammeFilter(ministry, kind, parent, false), limit, offset, cursor, ct));
        api.MapGet("/programmes/{id}", GetProgramme);
        api.MapGet("/measures", (ProgrammeQueries q, string? ministry, string? limit, string? offset, string? cursor, CancellationToken ct) =>
            ListProgrammes(q, new ProgrammeFilter(ministry, null, null, true), limit, offset, cursor, ct));
        api.MapGet("/measures/{id}", GetProgramme);
        api.MapGet("/budgets", ListBudgets)
            .WithSummary("Budget cells with their status")
            .WithDescription("Every budget cell (measure × fiscal year, and each row total 計) with the text as printed, the value used " +
                "(printed, or derived from the totals), its status after reconciliation (published, derived, undetermined, inconsistent, " +
                "no-data, blank), an explanation (the equation of a derived cell, the range of an undetermined one, the hypothesis " +
                "for an inconsistent one) and its citations. Filters: `measure` (code), `ministry` (code), `fiscalYear` (2007, FY2007, " +
                "平成19年度, H19 …), `status` (matches the reconciled or the stored status).");
        api.MapGet("/cooperation", async (CooperationQueries q, string? programme, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(programme, ct)));
        api.MapGet("/ministries", async (MinistryQueries q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(ct)));
        api.MapGet("/organisations", ListOrganisations);
        api.MapGet("/organisations/{id}", async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> (OrganisationQueries q, string id, CancellationToken ct) =>
            Found(await q.GetAsync(id, ct), "organisation", id));
        api.MapGet("/people", ListPeople);
        api.MapGet("/people/{id}", async Task<Results<Ok<PersonDto>, ProblemHttpResult>> (PeopleQueries q, string id, CancellationToken ct) =>
            Found(await q.GetAsync(id, ct), "person", id));
        api.MapGet("/links", ListLinks);
        api.MapGet("/industrial-clusters", ListIndustrialClusters);
        api.MapGet("/events", ListEvents);
        api.MapGet("/events/{id}", async Task<Results<Ok<EventDto>, ProblemHttpResult>> (EventQueries q, string id, CancellationToken ct) =>
            Found(await q.GetAsync(id, ct), "event", id));
        api.MapGet("/indicators", ListIndicators);
        api.MapGet("/indicator-definitions", async (ObservationQueries q, CancellationToken ct) => TypedResults.Ok(await q.DefinitionsAsync(ct)));
        api.MapGet("/surveys", async (SurveyQueries q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(ct)));
        api.MapGet("/sources", async (SourceQueries q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(ct)));
        api.MapGet("/sources/{id}", GetSource);
        api.MapGet("/search", Search);
        api.MapGet("/network", GetNetwork).CacheOutput(RegistryCaching.Policy)
            .WithDescription($"Regions ↔ programmes ↔ organisations ↔ foreign partners ↔ countries, as nodes and edges. At most `limit` " +
                $"nodes (default {NetworkGraph.DefaultNodeLimit}, at most {NetworkGraph.MaxNodeLimit}), the most connected first, and " +
                $"{NetworkGraph.EdgesPerNode} × `limit` edges; `totals` counts the nodes and edges of the whole graph.");
    }

    internal static Results<Ok<T>, ProblemHttpResult> Found<T>(T? value, string what, string id) where T : class =>
        value is null ? Missing(what, id) : TypedResults.Ok(value);

    private static ProblemHttpResult Missing(string what, string id) =>
        TypedResults.Problem(statusCode: 404, title: $"No {what} '{id}'", detail: $"There is no {what} with id or code '{id}'.");

    private static async Task<Results<Ok<Page<RegionSummaryDto>>, ValidationProblem>> ListRegions(
        RegionQueries q, string? programme, string? fiscalYear, string? field, string? prefecture,
        string? limit, string? offset, string? cursor, HttpContext http, CancellationToken ct)
    {
        var p = new ApiParameters();
        var page = p.Page(limit, offset, cursor);
        var fy = p.FiscalYear("fiscalYear", fiscalYear);
        if (!p.IsValid)
        {
            return p.Problem();
        }
        var text = http.Request.Query["q"].ToString();
        return TypedResults.Ok(await q.ListAsync(new RegionFilter(text, programme, fy, field, prefecture), page, ct));
    }

    /// <summary>A region; each of its lists holds the first <c>limit</c> rows (default 25, at most 500) and <c>totals</c> counts them all.</summary>
    private static async Task<Results<Ok<RegionDetailDto>, ProblemHttpResult, ValidationProblem>> GetRegion(
        RegionDetails details, string id, string? limit, CancellationToken ct)
    {
        var p = new ApiParameters();
        var sectionLimit = p.Limit(limit, RegionDetails.DefaultSectionLimit, PageRequest.MaxLimit);
        if (!p.IsValid)
        {
            return p.Problem();
        }
        var region = await details.GetAsync(id, sectionLimit, ct);
        return region is null ? Missing("region", id) : TypedResults.Ok(region);
    }

    private static async Task<Results<Ok<Page<ProgrammeDto>>, ValidationProblem>> ListProgrammes(
        ProgrammeQueries q, ProgrammeFilter filter, string? limit, string? offset, string? cursor, CancellationToken ct)
    {
        var p = new ApiParameters();
        var page = p.Page(limit, offset, cursor);
        return p.IsValid ? TypedResults.Ok(await q.ListAsync(filter, page, ct)) : p.Problem();
    }

    private static async Task<Results<Ok<ProgrammeDto>, ProblemHttpResult>> GetProgramme(ProgrammeQueries q, string id, CancellationToken ct) =>
        Found(await q.GetAsync(id, ct), "programme", id);

    private static async Task<Results<Ok<List<BudgetDto>>, ValidationProblem>> ListBudgets(
        BudgetFigures figures, string? measure, string? ministry, string? fiscalYear, string? status, CancellationToken ct)
    {
        var p = new ApiParameters();
        var fy = p.FiscalYear("fiscalYear", fiscalYear);
        // "nodata" was the wire form of no-data before the statuses were reconciled; still accepted.
        var wanted = string.Equals(status, "nodata", StringComparison.OrdinalIgnoreCase) ? "no-data" : status?.ToLowerInvariant();
        if (!string.IsNullOrWhiteSpace(wanted) && !BudgetFilter.Statuses.Contains(wanted))
        {
            p.Errors["status"] = [$"status is one of {string.Join(", ", BudgetFilter.Statuses)}."];
        }
        if (!p.IsValid)
        {
            return p.Problem();
        }
        return TypedResults.Ok(await figures.ListAsync(new BudgetFilter(measure, ministry, fy, wanted), ct));
    }

    private static async Task<Results<Ok<Page<OrganisationDto>>, ValidationProblem>> ListOrganisations(
        OrganisationQueries q, string? kind, string? country, string? limit, string? offset, string? cursor, HttpContext http, CancellationToken ct)
    {
        var p = new ApiParameters();
        var page = p.Page(limit, offset, cursor);
        return p.IsValid ? TypedResults.Ok(await q.ListAsync(new OrganisationFilter(http.Request.Query["q"], kind, country), page, ct)) : p.Problem();
    }

    private static async Task<Results<Ok<Page<PersonDto>>, ValidationProblem>> ListPeople(
        PeopleQueries q, string? title, string? region, string? limit, string? offset, string? cursor, HttpContext http, CancellationToken ct)
    {
        var p = new ApiParameters();
        var page = p.Page(limit, offset, cursor);
        return p.IsValid ? TypedResults.Ok(await q.ListAsync(http.Request.Query["q"], title, region, page, ct)) : p.Problem();
    }

    private static async Task<Results<Ok<Page<LinkDto>>, ValidationProblem>> ListLinks(
        LinkQueries q, string? region, string? country, string? partnerKind, string? limit, string? offset, string? cursor, CancellationToken ct)
    {
        var p = new ApiParameters();
        var page = p.Page(limit, offset, cursor);
        return p.IsValid ? TypedResults.Ok(await q.ListAsync(new LinkFilter(region, country, partnerKind), page, ct)) : p.Problem();
    }

    private static async Task<Results<Ok<Page<IndustrialClusterDto>>, ValidationProblem>> ListIndustrialClusters(
        IndustrialClusterQueries q, string? area, string? limit, string? offset, string? cursor, CancellationToken ct)
    {
        var p = new ApiParameters();
        var page = p.Page(limit, offset, cursor);
        return p.IsValid ? TypedResults.Ok(await q.ListAsync(area, page, ct)) : p.Problem();
    }

    private static async Task<Results<Ok<Page<EventDto>>, ValidationProblem>> ListEvents(
        EventQueries q, string? kind, string? fiscalYear, string? from, string? to, string? organiser, string? programme,
        string? limit, string? offset, string? cursor, HttpContext http, CancellationToken ct)
    {
        var p = new ApiParameters();
        var page = p.Page(limit, offset, cursor);
        var filter = new EventFilter(http.Request.Query["q"], kind, p.FiscalYear("fiscalYear", fiscalYear), p.Date("from", from), p.Date("to", to), organiser, programme);
        return p.IsValid ? TypedResults.Ok(await q.ListAsync(filter, page, ct)) : p.Problem();
    }

    private static async Task<Results<Ok<Page<ObservationDto>>, ValidationProblem>> ListIndicators(
        ObservationQueries q, string? indicator, string? programme, string? region, string? fiscalYear, string? sector,
        string? limit, string? offset, string? cursor, CancellationToken ct)
    {
        var p = new ApiParameters();
        var page = p.Page(limit, offset, cursor);
        var filter = new ObservationFilter(indicator, programme, region, p.FiscalYear("fiscalYear", fiscalYear),
            p.OneOf("sector", sector, new HashSet<string>(["all", "company", "university-public"], StringComparer.Ordinal)));
        return p.IsValid ? TypedResults.Ok(await q.ListAsync(filter, page, ct)) : p.Problem();
    }

    private static async Task<Results<Ok<NetworkGraphDto>, ValidationProblem>> GetNetwork(NetworkGraph graph, string? limit, CancellationToken ct)
    {
        var p = new ApiParameters();
        var nodeLimit = p.Limit(limit, NetworkGraph.DefaultNodeLimit, NetworkGraph.MaxNodeLimit);
        return p.IsValid ? TypedResults.Ok(await graph.BuildAsync(nodeLimit, ct)) : p.Problem();
    }

    private static async Task<Results<Ok<SourceDto>, ProblemHttpResult, ValidationProblem>> GetSource(
        SourceQueries q, string id, int? from, int? to, CancellationToken ct)
    {
        if (from is < 1 || to is < 1 || (from is not null && to is not null && to < from))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["from and to are line numbers from 1, from ≤ to."] });
        }
        var source = await q.GetAsync(id, from, to, ct);
        return source is null ? TypedResults.Problem(statusCode: 404, title: $"No source '{id}'") : TypedResults.Ok(source);
    }

    private static async Task<Results<Ok<SearchResultDto>, ValidationProblem>> Search(
        SearchService search, string? q, string? type, string? limit, string? offset, string? cursor, CancellationToken ct)
    {
        var p = new ApiParameters();
        var page = p.Page(limit, offset, cursor);
        if (string.IsNullOrWhiteSpace(q))
        {
            p.Errors["q"] = ["q is required: the text to search for (Japanese or English; 2-character terms such as 創薬 work)."];
        }
        var types = (type ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var t in types.Where(t => !SearchTypes.All.Contains(t)))
        {
            p.Errors["type"] = [$"'{t}' is not a record type; use {string.Join(", ", SearchTypes.All.Order(StringComparer.Ordinal))}."];
        }
        return p.IsValid ? TypedResults.Ok(await search.SearchAsync(q!, types, page, ct)) : p.Problem();
    }
}
