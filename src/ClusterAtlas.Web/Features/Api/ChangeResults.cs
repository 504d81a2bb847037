using ClusterAtlas.Editing;

namespace ClusterAtlas.Web.Features.Api;

/// <summary>HTTP answers for change-request outcomes: 200/201, 400 with every problem, 403, 404, 409 with both versions.</summary>
internal static class ChangeResults
{
    public static IResult From(ChangeOutcome outcome, bool created = false) => outcome.Kind switch
    {
        OutcomeKind.Ok when created => TypedResults.Created($"/api/v1/changes/{outcome.Change!.Id}", outcome.Change),
        OutcomeKind.Ok => TypedResults.Ok(outcome.Change),
        OutcomeKind.NotFound => TypedResults.Problem(statusCode: 404, title: "Not found", detail: Join(outcome)),
        OutcomeKind.Forbidden => TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: Join(outcome)),
        OutcomeKind.Invalid => TypedResults.Problem(statusCode: 400, title: "Invalid change", detail: Join(outcome),
            extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors }),
        OutcomeKind.Conflict => TypedResults.Problem(statusCode: 409, title: "Conflict", detail: outcome.Conflict!.Reason,
            extensions: new Dictionary<string, object?>
            {
                ["currentVersion"] = outcome.Conflict.CurrentVersion, ["current"] = outcome.Conflict.Current,
                ["yours"] = outcome.Conflict.Yours, ["blockingChangeId"] = outcome.Conflict.BlockingChangeId,
            }),
        _ => throw new InvalidOperationException($"unknown outcome {outcome.Kind}"),
    };

    private static string Join(ChangeOutcome outcome) => string.Join("; ", outcome.Errors ?? []);
}
