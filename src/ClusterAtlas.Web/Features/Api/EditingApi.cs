using System.Text.Json;
using ClusterAtlas.Accounts;
using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using ClusterAtlas.Editing;
using ClusterAtlas.Transfer;
using ClusterAtlas.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Web.Features.Api;

/// <summary>Body of POST /api/v1/changes. Values are JSON strings, numbers, booleans or null, by column name.</summary>
public sealed record ChangeBody(string? Table, string? Key, string? Kind, Dictionary<string, JsonElement>? Values, string? BaseVersion,
    CitationInput? Citation, string? Comment, bool Submit);

public sealed record RejectBody(string? Reason);

public sealed record RestoreBody(long AuditEntryId, string? BaseVersion, string? Comment);

public sealed record RecordDto(string Table, string Key, string Version, IReadOnlyDictionary<string, string?> Values);

/// <summary>/api/v1 records, change requests (propose → submit → approve/reject), history and the audit log.</summary>
internal static class EditingApi
{
    public static WebApplication MapEditingApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/v1").WithTags("History").AllowAnonymous().RequireRateLimiting(AuthSetup.ApiLimit);
        open.MapGet("/records/{table}/{key}", GetRecord).WithSummary("A record's current values and version (baseVersion of an edit)");
        open.MapGet("/history/{table}/{key}", GetHistory).WithSummary("A record's published changes, newest first");
        open.MapGet("/history", GetDiff).WithSummary("Net changes of all records between two dates (?from=&to=)");

        var edit = app.MapGroup("/api/v1/changes").WithTags("Change requests").RequireAuthorization(AuthSetup.Api(AtlasPolicies.Edit)).RequireRateLimiting(AuthSetup.ApiLimit);
        edit.MapGet("/", ListChanges).WithSummary("Change requests (editors: their own; reviewers: all)");
        edit.MapGet("/{id:int}", GetChange).WithSummary("One change request with its field-by-field diff");
        edit.MapPost("/", Propose).WithSummary("Propose a change (draft, or submitted with submit: true)");
        edit.MapPost("/{id:int}/submit", Submit).WithSummary("Submit a draft for review");
        edit.MapPost("/{id:int}/withdraw", Withdraw).WithSummary("Withdraw one's own draft or submitted change");
        edit.MapPost("/restore", Restore).WithSummary("Propose restoring a record to a version from its history");

        var review = app.MapGroup("/api/v1/changes").WithTags("Change requests").RequireAuthorization(AuthSetup.Api(AtlasPolicies.Review)).RequireRateLimiting(AuthSetup.ApiLimit);
        review.MapPost("/{id:int}/approve", Approve).WithSummary("Approve and publish a submitted change");
        review.MapPost("/{id:int}/reject", Reject).WithSummary("Reject a submitted change with a reason");

        var admin = app.MapGroup("/api/v1").WithTags("Administration").RequireAuthorization(AuthSetup.Api(AtlasPolicies.Admin)).RequireRateLimiting(AuthSetup.ApiLimit);
        admin.MapGet("/audit", GetAudit).WithSummary("The audit log, newest first (?before=ID&limit=)");
        admin.MapGet("/users", async (UserAdmin users, CancellationToken ct) => TypedResults.Ok(await users.ListAsync(ct))).WithSummary("Accounts with roles and scopes");
        return app;
    }

    private static async Task<Results<Ok<RecordDto>, ProblemHttpResult>> GetRecord(string table, string key, AtlasDbContext db, CancellationToken ct)
    {
        var type = EditableTables.FindRegistryTable(db.Model, table);
        var record = type is null ? null : await RecordWriter.FindAsync(db, type, key, ct);
        if (type is null || record is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"no {table} record with key '{key}'");
        }
        var json = RecordSnapshot.Of(type, record);
        return TypedResults.Ok(new RecordDto(type.GetTableName()!, key, RecordVersion.Of(json), RecordSnapshot.Parse(json)));
    }

    private static async Task<Ok<List<HistoryEntryDto>>> GetHistory(string table, string key, RecordHistory history, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await history.ForRecordAsync(table, key, await IsStaffAsync(http), ct));

    private static async Task<Results<Ok<List<RecordDiffDto>>, ProblemHttpResult>> GetDiff(string? from, string? to, RecordHistory history, TimeProvider clock, CancellationToken ct)
    {
        var start = from is null ? DateTimeOffset.MinValue : AsOfRequests.Parse(from);
        var end = to is null ? clock.GetUtcNow() : AsOfRequests.Parse(to);
        if (start is null || end is null || start > end)
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid dates", detail: "from and to must be dates (2026-01-01) with from ≤ to");
        }
        return TypedResults.Ok(await history.BetweenAsync(start.Value, end.Value, ct));
    }

    private static async Task<IResult> ListChanges(string? status, ChangeViews views, HttpContext http, CancellationToken ct)
    {
        ChangeStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<ChangeStatus>(status, true, out var s))
            {
                return TypedResults.Problem(statusCode: 400, title: "Invalid status", detail: $"status is one of {string.Join(", ", Enum.GetNames<ChangeStatus>())}");
            }
            filter = s;
        }
        return TypedResults.Ok(await views.ListAsync((await HttpActors.CurrentAsync(http))!, filter, ct));
    }

    private static async Task<IResult> GetChange(int id, ChangeViews views, HttpContext http, CancellationToken ct)
    {
        var change = await views.GetAsync(id, ct);
        var actor = await HttpActors.CurrentAsync(http);
        return change is null || actor is null || !ChangeViews.CanSee(actor, change)
            ? TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"no change request {id} visible to you")
            : TypedResults.Ok(change);
    }

    private static async Task<IResult> Propose(ChangeBody body, ChangeRequests changes, HttpContext http, CancellationToken ct)
    {
        if (!Enum.TryParse<ChangeKind>(body.Kind ?? (body.Key is null ? "Create" : "Update"), true, out var kind) || string.IsNullOrWhiteSpace(body.Table))
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid change", detail: "table is required; kind is Create, Update or Delete");
        }
        var values = (body.Values ?? []).ToDictionary(kv => kv.Key, kv => TransferTables.FromJson(kv.Value), StringComparer.Ordinal);
        var input = new ProposedChange(body.Table, body.Key, kind, values, body.BaseVersion, body.Citation, body.Comment, body.Submit);
        return ChangeResults.From(await changes.ProposeAsync((await HttpActors.CurrentAsync(http))!, input, ct), created: true);
    }

    private static async Task<IResult> Submit(int id, ChangeRequests changes, HttpContext http, CancellationToken ct) =>
        ChangeResults.From(await changes.SubmitAsync((await HttpActors.CurrentAsync(http))!, id, ct));

    private static async Task<IResult> Withdraw(int id, ChangeRequests changes, HttpContext http, CancellationToken ct) =>
        ChangeResults.From(await changes.WithdrawAsync((await HttpActors.CurrentAsync(http))!, id, ct));

    private static async Task<IResult> Restore(RestoreBody body, ChangeRequests changes, HttpContext http, CancellationToken ct) =>
        ChangeResults.From(await changes.ProposeRestoreAsync((await HttpActors.CurrentAsync(http))!, body.AuditEntryId, body.BaseVersion, body.Comment, ct), created: true);

    private static async Task<IResult> Approve(int id, ChangeDecisions decisions, HttpContext http, CancellationToken ct) =>
        ChangeResults.From(await decisions.ApproveAsync((await HttpActors.CurrentAsync(http))!, id, ct));

    private static async Task<IResult> Reject(int id, RejectBody body, ChangeDecisions decisions, HttpContext http, CancellationToken ct) =>
        ChangeResults.From(await decisions.RejectAsync((await HttpActors.CurrentAsync(http))!, id, body.Reason, ct));

    private static async Task<Ok<List<HistoryEntryDto>>> GetAudit(long? before, int? limit, RecordHistory history, CancellationToken ct) =>
        TypedResults.Ok(await history.AuditLogAsync(before, limit ?? 100, ct));

    private static async Task<bool> IsStaffAsync(HttpContext http) =>
        await HttpActors.CurrentAsync(http) is { } actor && actor.Satisfies(AtlasPolicies.Review);
}
