using ClusterAtlas.Paging;

namespace ClusterAtlas.Organisations;

/// <summary>An organisation: 中核機関, university, company, foundation, government, foreign institution or cluster.</summary>
public sealed class Organisation : IHasId
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public string? NameEn { get; set; }
    public required string Kind { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string CountryCode { get; set; }
    public string? Note { get; set; }
}
