using System.Security.Cryptography;
using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

public sealed record UserSummary(string Id, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Regions, IReadOnlyList<string> Organisations, bool LockedOut, int ActiveTokens);

public sealed record AddUserResult(bool Created, string? Password, IReadOnlyList<string> Errors);

/// <summary>Operators' account management (atlas users add/list, the admin page).</summary>
public sealed class UserAdmin(AtlasDbContext db, UserManager<AtlasUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>Creates an account with one role and optional region/organisation scopes (codes or ids). Without a
    /// password one is generated and returned once.</summary>
    public async Task<AddUserResult> AddAsync(string email, string roleText, IReadOnlyList<string> regions, IReadOnlyList<string> organisations,
        string? password, string actor, string origin, CancellationToken ct)
    {
        var errors = new List<string>();
        var role = AtlasRoles.Parse(roleText);
        if (role is null)
        {
            errors.Add($"unknown role '{roleText}'; expected {string.Join(", ", AtlasRoles.All)}");
        }
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"'{email}' is not an e-mail address");
        }
        var regionIds = Resolve(regions, regions.Count == 0 ? [] : await db.Regions.Select(r => new IdAndCode(r.Id, r.Code)).ToListAsync(ct), "region", errors);
        var orgIds = Resolve(organisations, organisations.Count == 0 ? [] : await db.Organisations.Select(o => new IdAndCode(o.Id, o.Code)).ToListAsync(ct), "organisation", errors);
        if ((regionIds.Count > 0 || orgIds.Count > 0) && role != AtlasRoles.Editor)
        {
            errors.Add("--region and --organisation limit editors; other roles are not scoped");
        }
        if (errors.Count > 0)
        {
            return new AddUserResult(false, null, errors);
        }
        await EnsureRolesAsync();
        password ??= GeneratePassword();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AtlasUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AddUserResult(false, null, created.Errors.Select(e => e.Description).ToList());
        }
        var added = await users.AddToRoleAsync(user, role!);
        if (!added.Succeeded)
        {
            return new AddUserResult(false, null, added.Errors.Select(e => e.Description).ToList());
        }
        db.EditorScopes.AddRange(regionIds.Select(r => new EditorScope { UserId = user.Id, RegionCode = r }));
        db.EditorScopes.AddRange(orgIds.Select(o => new EditorScope { UserId = user.Id, OrganisationCode = o }));
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = actor, Action = AuditAction.UserCreated, Origin = origin,
            Note = $"{user.Email} as {role}" + (regionIds.Count + orgIds.Count > 0 ? $" (regions {string.Join(",", regionIds)}; organisations {string.Join(",", orgIds)})" : ""),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new AddUserResult(true, password, []);
    }

    public async Task<List<UserSummary>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var scopes = await db.EditorScopes.AsNoTracking().ToListAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.RevokedAt == null).Select(t => new { t.UserId, t.ExpiresAt }).ToListAsync(ct);
        return all.Select(u => new UserSummary(u.Id, u.Email ?? "",
            roleRows.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
            scopes.Where(s => s.UserId == u.Id && s.RegionCode is not null).Select(s => s.RegionCode!).ToList(),
            scopes.Where(s => s.UserId == u.Id && s.OrganisationCode is not null).Select(s => s.OrganisationCode!).ToList(),
            u.LockoutEnd > now, tokens.Count(t => t.UserId == u.Id && (t.ExpiresAt is null || t.ExpiresAt > now)))).ToList();
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in AtlasRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private sealed record IdAndCode(int Id, string Code);

    /// <summary>Codes of the wanted records (given by code or id).</summary>
    private static List<string> Resolve(IReadOnlyList<string> wanted, List<IdAndCode> rows, string kind, List<string> errors)
    {
        var ids = new List<string>();
        foreach (var w in wanted)
        {
            var match = rows.FirstOrDefault(r => r.Code == w || (int.TryParse(w, out var id) && r.Id == id));
            if (match is null)
            {
                errors.Add($"no {kind} with id or code '{w}'");
            }
            else
            {
                ids.Add(match.Code);
            }
        }
        return ids;
    }

    /// <summary>A 20-character password from an unambiguous alphabet, shown once to the operator.</summary>
    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 18) + "7a";
    }
}
