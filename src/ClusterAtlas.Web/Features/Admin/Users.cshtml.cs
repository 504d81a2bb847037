using ClusterAtlas.Accounts;
using ClusterAtlas.Web.Features.Accounts;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Admin;

/// <summary>Accounts with roles and scopes; admins add accounts here or with `atlas users add`.</summary>
public sealed class UsersModel(UserAdmin admin) : PortalPageModel
{
    public List<UserSummary> Users { get; private set; } = [];
    public AddUserResult? Added { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Region { get; set; }
    [BindProperty] public string? Organisation { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = await HttpActors.CurrentAsync(HttpContext);
        Added = await admin.AddAsync(Email ?? "", Role ?? "", Split(Region), Split(Organisation), null, me!.Email, me.Origin, ct);
        Users = await admin.ListAsync(ct);
        return Added.Created ? Page() : PageWithStatus(400);
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
