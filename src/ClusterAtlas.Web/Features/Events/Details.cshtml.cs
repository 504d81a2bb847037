using ClusterAtlas.Events;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Events;

/// <summary>/events/{code}: one event with its dates as published, and its iCalendar file when it has a date.</summary>
public sealed class DetailsModel(EventQueries events) : PortalPageModel
{
    public EventDto Event { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var e = await events.GetAsync(code, ct);
        if (e is null)
        {
            return NotFound();
        }
        Event = e;
        return Page();
    }
}
