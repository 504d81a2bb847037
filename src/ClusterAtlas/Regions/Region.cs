using ClusterAtlas.Paging;

namespace ClusterAtlas.Regions;

/// <summary>地域/エリア: one region with a stable identity across programmes.</summary>
public sealed class Region : IHasId
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Approximate location of the region's main city, for maps (not from the sources).</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Note { get; set; }
    public List<RegionAlias> Aliases { get; set; } = [];
    public List<RegionPrefecture> Prefectures { get; set; } = [];
    public List<RegionField> Fields { get; set; } = [];
    public List<RegionProposer> Proposers { get; set; } = [];
    public List<Participation> Participations { get; set; } = [];
}

/// <summary>都道府県 a region lies in.</summary>
public sealed class RegionPrefecture
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public required string Prefecture { get; set; }
}

/// <summary>分野: a research field of the region (ライフサイエンス, 情報通信 …).</summary>
public sealed class RegionField
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public required string Field { get; set; }
}

/// <summary>提案自治体: a local government that proposed the region.</summary>
public sealed class RegionProposer
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
}
