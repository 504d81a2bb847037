using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Accounts;

public sealed class DeniedModel : PortalPageModel
{
    public IActionResult OnGet() => PageWithStatus(403);
}
