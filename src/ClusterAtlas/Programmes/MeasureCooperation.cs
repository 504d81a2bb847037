using ClusterAtlas.Paging;

namespace ClusterAtlas.Programmes;

/// <summary>A cross-ministry link between two measures (関係府省連携): seed hand-off, joint event, joint review …</summary>
public sealed class MeasureCooperation : IHasId
{
    public int Id { get; set; }
    public int FromId { get; set; }
    public Programme? From { get; set; }
    public int ToId { get; set; }
    public Programme? To { get; set; }
    public required string Kind { get; set; }
    public required string DescriptionJa { get; set; }
    public int? FiscalYearFrom { get; set; }
    public int? FiscalYearTo { get; set; }
    public string? Note { get; set; }
}
