using System.ComponentModel.DataAnnotations;
using ClusterAtlas.Accounts;
using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClusterAtlas.Web.Features.Accounts;

[EnableRateLimiting(AuthSetup.SignInLimit)]
public sealed class SignInModel(SignInManager<AtlasUser> signIn, AtlasDbContext db, TimeProvider clock) : PortalPageModel
{
    [BindProperty, Required, EmailAddress, MaxLength(256)]
    public string Email { get; set; } = "";

    [BindProperty, Required, MaxLength(200), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Message = T["account.signin.invalid"];
            return PageWithStatus(400);
        }
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        var action = result.Succeeded ? AuditAction.SignedIn : result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed;
        db.AuditEntries.Add(new AuditEntry { At = clock.GetUtcNow(), Actor = Email.Trim(), Action = action, Origin = HttpActors.Origin(HttpContext) });
        await db.SaveChangesAsync(ct);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account");
        }
        // The same words for an unknown address and a wrong password: the page does not reveal which accounts exist.
        Message = result.IsLockedOut ? T["account.signin.locked"] : T["account.signin.failed"];
        return PageWithStatus(result.IsLockedOut ? 429 : 401);
    }
}
