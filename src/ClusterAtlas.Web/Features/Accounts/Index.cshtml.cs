using System.ComponentModel.DataAnnotations;
using ClusterAtlas.Accounts;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Accounts;

/// <summary>The signed-in user's page: roles, scopes and personal API tokens (a new token is shown once).</summary>
public sealed class IndexModel(UserManager<AtlasUser> users, SignInManager<AtlasUser> signIn, ApiTokens tokens) : PortalPageModel
{
    [BindProperty, DataType(DataType.Password), MaxLength(200)]
    public string? CurrentPassword { get; set; }

    [BindProperty, DataType(DataType.Password), MaxLength(200)]
    public string? NewPassword { get; set; }

    public IReadOnlyList<string> PasswordErrors { get; private set; } = [];
    public bool PasswordChanged { get; private set; }

    public Actor? Me { get; private set; }
    public List<TokenInfo> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    [BindProperty, MaxLength(100)]
    public string? TokenName { get; set; }

    [BindProperty, Range(1, 366)]
    public int? ExpiresInDays { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateTokenAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !ModelState.IsValid)
        {
            await LoadAsync(ct);
            return PageWithStatus(400);
        }
        (NewToken, _) = await tokens.CreateAsync(user, TokenName ?? "api", ExpiresInDays is { } d ? TimeSpan.FromDays(d) : null, HttpActors.Origin(HttpContext), ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }
        var result = await users.ChangePasswordAsync(user, CurrentPassword ?? "", NewPassword ?? "");
        PasswordErrors = result.Errors.Select(e => e.Description).ToList();
        PasswordChanged = result.Succeeded;
        if (result.Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
        }
        await LoadAsync(ct);
        return result.Succeeded ? Page() : PageWithStatus(400);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !await tokens.RevokeAsync(user, id, HttpActors.Origin(HttpContext), ct))
        {
            return NotFound();
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await HttpActors.CurrentAsync(HttpContext);
        Tokens = Me is null ? [] : await tokens.ListAsync(Me.UserId, ct);
    }
}
