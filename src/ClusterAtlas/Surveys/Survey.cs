using ClusterAtlas.Paging;
using ClusterAtlas.Programmes;

namespace ClusterAtlas.Surveys;

/// <summary>A questionnaire (e.g. 知的クラスター終了評価予備調査) with its answers as shares.</summary>
public sealed class Survey : IHasId
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public string? NameEn { get; set; }
    public int? FiscalYear { get; set; }
    public int? ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public string? Population { get; set; }
    public int? Sent { get; set; }
    public string? SentText { get; set; }
    public decimal? ReturnRate { get; set; }
    public string? ReturnRateText { get; set; }
    public string? Note { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

public sealed class SurveyAnswer
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public required string Question { get; set; }
    public required string Segment { get; set; }
    /// <summary>Share of respondents, 0..1.</summary>
    public decimal? Share { get; set; }
    public required string PublishedText { get; set; }
    public bool Approximate { get; set; }
}
