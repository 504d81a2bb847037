using ClusterAtlas.Organisations;
using ClusterAtlas.Paging;
using ClusterAtlas.Regions;

namespace ClusterAtlas.International;

/// <summary>A region's link to a country, foreign organisation or foreign cluster (広域化プログラム, 国際連携).</summary>
public sealed class InternationalLink : IHasId
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int? FiscalYear { get; set; }
    /// <summary>ISO 3166-1 alpha-2; null for a cross-border partner such as Medicon Valley.</summary>
    public string? CountryCode { get; set; }
    public string? PartnerName { get; set; }
    public int? PartnerOrganisationId { get; set; }
    public Organisation? PartnerOrganisation { get; set; }
    public string? PartnerKind { get; set; }
    public required string ActivityJa { get; set; }
    public string? Note { get; set; }
}
