using ClusterAtlas.Paging;

namespace ClusterAtlas.Ministries;

/// <summary>府省: a ministry or cabinet office.</summary>
public sealed class Ministry : IHasId
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
}
