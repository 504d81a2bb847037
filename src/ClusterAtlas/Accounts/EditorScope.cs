namespace ClusterAtlas.Accounts;

/// <summary>Limits an editor to one region or one organisation (a cluster's staff edit only their own cluster).
/// An editor without scopes may propose changes anywhere.</summary>
/// <remarks>Held by code, not by foreign key: codes are the registry's stable keys and survive a re-seed or a full
/// import, which renumber ids.</remarks>
public sealed class EditorScope
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public string? RegionCode { get; set; }
    public string? OrganisationCode { get; set; }
}
