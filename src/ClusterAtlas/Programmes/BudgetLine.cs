using ClusterAtlas.Paging;

namespace ClusterAtlas.Programmes;

/// <summary>One budget cell: a measure's amount for a fiscal year, or its row total (FiscalYear null).</summary>
public sealed class BudgetLine : IHasId
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    /// <summary>Gregorian start year of the fiscal year; null for the published row total (計).</summary>
    public int? FiscalYear { get; set; }
    /// <summary>The cell exactly as published (empty when blank).</summary>
    public required string PublishedText { get; set; }
    /// <summary>百万円 (million yen).</summary>
    public decimal? AmountMillionYen { get; set; }
    public BudgetStatus Status { get; set; }
    public string? Footnote { get; set; }
    public string? Note { get; set; }
}

public enum BudgetStatus { Published, Blank, NoData, Derived, Undetermined, Inconsistent }
