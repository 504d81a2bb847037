using ClusterAtlas.Accounts;
using ClusterAtlas.Editing;
using ClusterAtlas.Web.Features.Accounts;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Changes;

/// <summary>One change request: the field-by-field diff, its citation, and the actions of its author and reviewers.</summary>
public sealed class DetailsModel(ChangeViews views, ChangeRequests changes, ChangeDecisions decisions) : PortalPageModel
{
    public ChangeRequestDto? Change { get; private set; }
    public Actor? Me { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public ConflictDto? Conflict { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public bool IsAuthor => Change is not null && Me is not null && Change.AuthorEmail == Me.Email;
    public bool CanDecide => Change?.Status == nameof(ChangeStatus.Submitted) && Me is not null && Me.Satisfies(AtlasPolicies.Review) && !IsAuthor;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => ActAsync(id, a => changes.SubmitAsync(a, id, ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) => ActAsync(id, a => changes.WithdrawAsync(a, id, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => ActAsync(id, a => decisions.ApproveAsync(a, id, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) => ActAsync(id, a => decisions.RejectAsync(a, id, Reason, ct), ct);

    private async Task<IActionResult> ActAsync(int id, Func<Actor, Task<ChangeOutcome>> act, CancellationToken ct)
    {
        var actor = await HttpActors.CurrentAsync(HttpContext);
        var outcome = await act(actor!);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return Redirect($"/changes/{id}");
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Errors = outcome.Errors ?? [];
        Conflict = outcome.Conflict;
        return PageWithStatus(outcome.Kind switch
        {
            OutcomeKind.Conflict => 409,
            OutcomeKind.Forbidden => 403,
            OutcomeKind.NotFound => 404,
            _ => 400,
        });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Me = await HttpActors.CurrentAsync(HttpContext);
        Change = await views.GetAsync(id, ct);
        return Change is not null && Me is not null && ChangeViews.CanSee(Me, Change);
    }
}
