namespace ClusterAtlas.Regions;

/// <summary>A spelling of a region's name as seen in a source; all resolve to one region.</summary>
public sealed class RegionAlias
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public required string Name { get; set; }
    /// <summary>Normalised (NFKC, case, kanji variants, spaces removed) for lookups.</summary>
    public required string NormalizedName { get; set; }
    public Basis Basis { get; set; }
    public string? Note { get; set; }
}
