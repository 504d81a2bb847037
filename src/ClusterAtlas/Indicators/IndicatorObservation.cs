using ClusterAtlas.Paging;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;

namespace ClusterAtlas.Indicators;

/// <summary>One published value of an indicator for a scope (programme or region, sector) and a fiscal-year range.</summary>
public sealed class IndicatorObservation : IHasId
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int? ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public int? RegionId { get; set; }
    public Region? Region { get; set; }
    /// <summary>all, company (民間企業) or university-public (大学・公的研究機関).</summary>
    public required string Sector { get; set; }
    public int? FiscalYearFrom { get; set; }
    public int? FiscalYearTo { get; set; }
    public decimal? Value { get; set; }
    public required string PublishedText { get; set; }
    public required string Unit { get; set; }
    public bool Cumulative { get; set; }
    public bool Approximate { get; set; }
    public decimal? Target { get; set; }
    public ObservationStatus Status { get; set; }
    public Basis Basis { get; set; }
    public string? Note { get; set; }
}

public enum ObservationStatus { Published, NoData }
