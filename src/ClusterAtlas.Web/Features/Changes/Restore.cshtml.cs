using ClusterAtlas.Editing;
using ClusterAtlas.Web.Features.Accounts;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Changes;

/// <summary>"Restore this version" on a history page: proposes a change request back to that version.</summary>
public sealed class RestoreModel(ChangeRequests changes) : PortalPageModel
{
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IActionResult OnGet() => Redirect("/changes");

    public async Task<IActionResult> OnPostAsync(long auditEntryId, string? baseVersion, CancellationToken ct)
    {
        var outcome = await changes.ProposeRestoreAsync((await HttpActors.CurrentAsync(HttpContext))!, auditEntryId, baseVersion, null, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return Redirect($"/changes/{outcome.Change!.Id}");
        }
        Errors = outcome.Errors ?? [outcome.Conflict?.Reason ?? ""];
        return PageWithStatus(outcome.Kind switch { OutcomeKind.Conflict => 409, OutcomeKind.Forbidden => 403, OutcomeKind.NotFound => 404, _ => 400 });
    }
}
