using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>Who is acting, with roles and scopes read from the database (so a removed role takes effect at once).</summary>
public sealed record Actor(string UserId, string Email, IReadOnlySet<string> Roles, IReadOnlyList<int> RegionIds, IReadOnlyList<int> OrganisationIds, string Origin)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public bool Satisfies(string policy) => AtlasPolicies.RolesFor(policy).Any(Roles.Contains);

    /// <summary>True for an editor limited to some regions or organisations.</summary>
    public bool IsScoped => !IsIn(AtlasRoles.Admin) && HasScopes;

    public bool HasScopes { get; init; }

    public static async Task<Actor?> LoadAsync(AtlasDbContext db, string userId, string origin, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync(ct);
        var scopes = await db.EditorScopes.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(ct);
        var regionCodes = scopes.Where(s => s.RegionCode is not null).Select(s => s.RegionCode!).ToList();
        var orgCodes = scopes.Where(s => s.OrganisationCode is not null).Select(s => s.OrganisationCode!).ToList();
        var regionIds = regionCodes.Count == 0 ? [] : await db.Regions.Where(r => regionCodes.Contains(r.Code)).Select(r => r.Id).ToListAsync(ct);
        var orgIds = orgCodes.Count == 0 ? [] : await db.Organisations.Where(o => orgCodes.Contains(o.Code)).Select(o => o.Id).ToListAsync(ct);
        // A scope whose region no longer exists still limits the editor (to nothing there), never widens the rights.
        var scoped = scopes.Count > 0;
        return new Actor(user.Id, user.Email ?? user.Id, roles.ToHashSet(StringComparer.Ordinal), regionIds, orgIds, origin) { HasScopes = scoped };
    }
}
