using ClusterAtlas.Editing;
using ClusterAtlas.Web.Features.Api;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.History;

/// <summary>What changed in the registry between two dates (net change per record).</summary>
public sealed class IndexModel(RecordHistory history, TimeProvider clock) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public List<RecordDiffDto> Diffs { get; private set; } = [];
    public bool Invalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var from = string.IsNullOrEmpty(From) ? clock.GetUtcNow().AddDays(-30) : AsOfRequests.Parse(From);
        var to = string.IsNullOrEmpty(To) ? clock.GetUtcNow() : AsOfRequests.Parse(To);
        if (from is null || to is null || from > to)
        {
            Invalid = true;
            return PageWithStatus(400);
        }
        From ??= from.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        To ??= to.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Diffs = await history.BetweenAsync(from.Value, to.Value, ct);
        return Page();
    }
}
