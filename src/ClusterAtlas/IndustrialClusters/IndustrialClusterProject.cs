using ClusterAtlas.Paging;

namespace ClusterAtlas.IndustrialClusters;

/// <summary>A project of METI's 産業クラスター計画, with its approximate size as published.</summary>
public sealed class IndustrialClusterProject : IHasId
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public string? NameEn { get; set; }
    public required string Area { get; set; }
    public required string FieldsText { get; set; }
    public required string CompaniesText { get; set; }
    public int? CompaniesApprox { get; set; }
    public required string UniversitiesText { get; set; }
    public int? Universities { get; set; }
    public int? AsOfYear { get; set; }
    public string? Note { get; set; }
}
