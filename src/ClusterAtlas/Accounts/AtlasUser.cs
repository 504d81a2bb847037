using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

/// <summary>A person who signs in to keep the registry: ministry officer, cluster headquarters (中核機関) staff, reviewer.</summary>
public sealed class AtlasUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<EditorScope> Scopes { get; } = [];
}
