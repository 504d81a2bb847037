using ClusterAtlas.Web.Features.Shared;
namespace ClusterAtlas.Web.Features.Accounts;

/// <summary>Where a refused page redirects to (the refusal itself was the 302 from the protected page).</summary>
public sealed class DeniedModel : PortalPageModel
{
    public void OnGet()
    {
    }
}
