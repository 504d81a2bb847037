using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ClusterAtlas.Web.Features.Accounts;

/// <summary>Who may open which portal pages. Every folder is named here; a page in a folder not listed falls under the
/// closed fallback policy (and the authorization matrix test names it).</summary>
internal static class PageAccess
{
    public static readonly string[] PublicFolders =
    [
        "/Home", "/Search", "/Regions", "/Programmes", "/Ministries", "/Organisations", "/People", "/Events", "/Sources",
        "/Compare", "/International", "/Network", "/Indicators", "/IndustrialClusters", "/Errors", "/History", "/Budgets", "/Quality", "/Data",
    ];

    public static void Configure(PageConventionCollection conventions)
    {
        foreach (var folder in PublicFolders)
        {
            conventions.AllowAnonymousToFolder(folder);
        }
        conventions.AllowAnonymousToPage("/Accounts/SignIn");
        conventions.AllowAnonymousToPage("/Accounts/Denied");
        conventions.AuthorizePage("/Accounts/Index", AtlasPolicies.SignedIn);
        conventions.AuthorizePage("/Accounts/SignOut", AtlasPolicies.SignedIn);
        conventions.AuthorizeFolder("/Changes", AtlasPolicies.Edit);
        conventions.AuthorizeFolder("/Admin", AtlasPolicies.Admin);
    }
}
