using ClusterAtlas.Accounts;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Accounts;

/// <summary>Signing out is a POST (with the anti-forgery token), so a link on another site cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<AtlasUser> signIn) : PortalPageModel
{
    public IActionResult OnGet() => Redirect("/account");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
