namespace ClusterAtlas.Accounts;

/// <summary>A personal API token. Only its SHA-256 is stored; the token itself is shown once when it is created.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AtlasUser? User { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the token, so its owner can tell tokens apart in a list.</summary>
    public required string Prefix { get; set; }
    /// <summary>Hex SHA-256 of the whole token (tokens carry 256 random bits, so no salt or slow hash is needed).</summary>
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
