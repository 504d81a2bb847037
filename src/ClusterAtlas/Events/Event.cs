using ClusterAtlas.Paging;
using ClusterAtlas.Programmes;

namespace ClusterAtlas.Events;

/// <summary>An event, event series, council, newsletter or declaration (joint MEXT–METI activities among them).</summary>
public sealed class Event : IHasId
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public string? NameEn { get; set; }
    public required string Kind { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>How much of <see cref="StartDate"/> the source states: day, month or year.</summary>
    public DatePrecision DatePrecision { get; set; }
    public string? DateText { get; set; }
    public string? Venue { get; set; }
    /// <summary>Ministry codes or names, comma-separated as loaded.</summary>
    public string? Organisers { get; set; }
    public int? FiscalYear { get; set; }
    public int? ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public string? Note { get; set; }
}

public enum DatePrecision { None, Year, Month, Day }
