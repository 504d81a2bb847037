using ClusterAtlas.Reconciliation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterAtlas.Web.Features.Api;

/// <summary>/api/v1/quality: the budget data-quality report, the same as `atlas check --format json`.</summary>
internal static class QualityApi
{
    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").WithTags("Data quality")
            .MapGet("/quality", GetQuality)
            .WithName("GetQuality")
            .ProducesProblem(StatusCodes.Status404NotFound) // ProblemHttpResult carries no status of its own for OpenAPI
            .WithSummary("Budget data-quality report")
            .WithDescription("Every budget cell with its published text, the value used and its status (published, derived, undetermined, " +
                "inconsistent, no-data); derived cells with their equations; totals that do not add up, with hypotheses; open cells with " +
                "their range. `table` narrows the report to one bundle (e.g. cstp-cluster).");
        return app;
    }

    private static async Task<Results<Ok<BudgetQualityReport>, ProblemHttpResult>> GetQuality(BudgetQuality quality, string? table, CancellationToken ct) =>
        await quality.RunAsync(string.IsNullOrWhiteSpace(table) ? null : table, ct) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No budget table '{table}'",
                detail: $"There is no budget table of a bundle with code '{table}'; leave out `table` for every table.");
}
