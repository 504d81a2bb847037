using ClusterAtlas.Paging;

namespace ClusterAtlas.Indicators;

/// <summary>An outcome indicator (特許出願件数, 事業化件数, 参画者数 …).</summary>
public sealed class Indicator : IHasId
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public required string Unit { get; set; }
}
