using ClusterAtlas.Editing;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Admin;

/// <summary>The audit log (read-only): every sign-in, token, change request, decision and record change.</summary>
public sealed class AuditModel(RecordHistory history) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public List<HistoryEntryDto> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await history.AuditLogAsync(Before, 200, ct);
}
