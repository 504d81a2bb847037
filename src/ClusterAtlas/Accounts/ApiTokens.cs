using System.Security.Cryptography;
using System.Text;
using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

public sealed record TokenInfo(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>Creates, lists, checks and revokes personal API tokens (bearer tokens for scripts).</summary>
public sealed class ApiTokens(AtlasDbContext db, TimeProvider clock)
{
    private const string Scheme = "cat_";

    /// <summary>Returns the token text; it is not stored and cannot be shown again.</summary>
    public async Task<(string Token, TokenInfo Info)> CreateAsync(AtlasUser user, string name, TimeSpan? lifetime, string origin, CancellationToken ct)
    {
        var token = Scheme + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var row = new ApiToken
        {
            UserId = user.Id, Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim(), Prefix = token[..10], Hash = HashOf(token),
            CreatedAt = now, ExpiresAt = lifetime is { } l ? now + l : null,
        };
        db.ApiTokens.Add(row);
        db.AuditEntries.Add(new AuditEntry { At = now, Actor = user.Email ?? user.Id, Action = AuditAction.TokenCreated, Origin = origin, Note = $"{row.Name} ({row.Prefix}…)" });
        await db.SaveChangesAsync(ct);
        return (token, Info(row));
    }

    public async Task<List<TokenInfo>> ListAsync(string userId, CancellationToken ct) =>
        (await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id).ToListAsync(ct)).Select(Info).ToList();

    /// <summary>Revokes one of the user's own tokens; false when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(AtlasUser user, int tokenId, string origin, CancellationToken ct)
    {
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.Id, ct);
        if (row is null)
        {
            return false;
        }
        if (row.RevokedAt is null)
        {
            row.RevokedAt = clock.GetUtcNow();
            db.AuditEntries.Add(new AuditEntry { At = row.RevokedAt.Value, Actor = user.Email ?? user.Id, Action = AuditAction.TokenRevoked, Origin = origin, Note = $"{row.Name} ({row.Prefix}…)" });
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>The user a presented token belongs to, when the token is known, not revoked and not expired.</summary>
    public async Task<AtlasUser?> AuthenticateAsync(string presented, CancellationToken ct)
    {
        if (!presented.StartsWith(Scheme, StringComparison.Ordinal) || presented.Length > 100)
        {
            return null;
        }
        var hash = HashOf(presented);
        var row = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Hash == hash, ct);
        var now = clock.GetUtcNow();
        if (row is null || !row.IsActive(now) || row.User is null || row.User.LockoutEnd > now)
        {
            return null;
        }
        // Last use is informative; write it at most once a minute per token to keep reads read-only under load.
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            row.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return row.User;
    }

    private static TokenInfo Info(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
