using ClusterAtlas.Paging;
using ClusterAtlas.Programmes;

namespace ClusterAtlas.Regions;

/// <summary>A region's project in one programme track, with its term (= プロジェクト).</summary>
public sealed class Participation : IHasId
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public int StartFiscalYear { get; set; }
    public int? EndFiscalYear { get; set; }
    public required string TermText { get; set; }
    public string? ClusterName { get; set; }
    public string? Theme { get; set; }
    /// <summary>Page of the source booklet where the region is described, e.g. P10.</summary>
    public string? SourcePage { get; set; }
    public int? ListNo { get; set; }
    public string? GroupLabel { get; set; }
    public Basis Basis { get; set; }
    public string? Note { get; set; }
}
