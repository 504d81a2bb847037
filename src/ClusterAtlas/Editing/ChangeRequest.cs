namespace ClusterAtlas.Editing;

/// <summary>
/// A proposed change to one registry record (new, changed, deleted or restored). Every edit goes through one:
/// draft → submitted → approved (published) or rejected with a reason; the author may withdraw it before a decision.
/// </summary>
public sealed class ChangeRequest
{
    public int Id { get; set; }
    /// <summary>Table of the record (e.g. IndicatorObservations).</summary>
    public required string SubjectType { get; set; }
    /// <summary>Primary key of the record; null until a new record is published.</summary>
    public string? SubjectKey { get; set; }
    public ChangeKind Kind { get; set; }
    public ChangeStatus Status { get; set; }
    /// <summary>The record as the author saw it (RecordSnapshot JSON); null for a new record.</summary>
    public string? BaseJson { get; set; }
    /// <summary>The record as it should become (RecordSnapshot JSON); null for a deletion.</summary>
    public string? ProposedJson { get; set; }
    public string? CitationSourceId { get; set; }
    public string? CitationUrl { get; set; }
    public string? CitationQuote { get; set; }
    public int? CitationLine { get; set; }
    public string? CitationPage { get; set; }
    public string? Comment { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorEmail { get; set; }
    public string? ReviewerEmail { get; set; }
    public string? DecisionReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>"table/key" while the request is submitted, null otherwise: a unique index lets only one submitted
    /// change per record exist, so two editors cannot both queue edits of the same version.</summary>
    public string? OpenLock { get; set; }
    /// <summary>Optimistic concurrency token of the request itself (two reviewers deciding at once).</summary>
    public int Revision { get; set; }
}

public enum ChangeKind
{
    Create,
    Update,
    Delete,
    Restore,
}

public enum ChangeStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Withdrawn,
}
