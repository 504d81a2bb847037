using ClusterAtlas.Ministries;
using ClusterAtlas.Paging;

namespace ClusterAtlas.Programmes;

/// <summary>事業・施策: a programme, one of its phases/types/tracks, a measure, or a bundle of measures.</summary>
public sealed class Programme : IHasId
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public ProgrammeKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Programme? Parent { get; set; }
    public int? MinistryId { get; set; }
    public Ministry? Ministry { get; set; }
    /// <summary>The term as published, e.g. 「H14年~H18年」.</summary>
    public string? TermText { get; set; }
    public int? StartFiscalYear { get; set; }
    public int? EndFiscalYear { get; set; }
    /// <summary>位置付け及び政策・成果目標.</summary>
    public string? AimsJa { get; set; }
    /// <summary>研究成果と目標の進捗状況.</summary>
    public string? ProgressJa { get; set; }
    public string? Note { get; set; }
    public List<BudgetLine> Budgets { get; set; } = [];
}

public enum ProgrammeKind { Programme, Phase, Type, Track, Measure, Bundle }
