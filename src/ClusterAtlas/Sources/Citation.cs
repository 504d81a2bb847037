namespace ClusterAtlas.Sources;

/// <summary>Where a stored fact comes from: document, line range and the quoted text.</summary>
/// <remarks>
/// Polymorphic on purpose: every kind of fact (region, budget cell, indicator value …) cites the same way,
/// so one indexed table answers "which sources support this record" for any record.
/// </remarks>
public sealed class Citation
{
    public int Id { get; set; }
    public required string SubjectType { get; set; }
    public int SubjectId { get; set; }
    /// <summary>The field of the subject this citation supports, when it supports only one.</summary>
    public string? Field { get; set; }
    public string? SourceDocumentId { get; set; }
    public SourceDocument? SourceDocument { get; set; }
    public string? Url { get; set; }
    public int? LineStart { get; set; }
    public int? LineEnd { get; set; }
    public required string Quote { get; set; }
}
