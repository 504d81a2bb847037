using ClusterAtlas.Editing;
using ClusterAtlas.Web.Features.Accounts;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Changes;

/// <summary>Change requests: editors see their own, reviewers see all (submitted first).</summary>
public sealed class IndexModel(ChangeViews views) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public List<ChangeRequestDto> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ChangeStatus? filter = Enum.TryParse<ChangeStatus>(Status, true, out var s) ? s : null;
        Changes = await views.ListAsync((await HttpActors.CurrentAsync(HttpContext))!, filter, ct);
        return Page();
    }
}
