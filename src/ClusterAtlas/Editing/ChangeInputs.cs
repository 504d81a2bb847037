namespace ClusterAtlas.Editing;

/// <summary>Where a proposed figure comes from: a source document of the registry (with line) or a web page (with
/// page), and the quoted text.</summary>
public sealed record CitationInput(string? SourceDocumentId, string? Url, string? Quote, int? Line, string? Page);

/// <summary>A proposed change. <see cref="Values"/> holds only the fields that change (by column name, in the text
/// form of exports); <see cref="BaseVersion"/> is the version the author edited (required for updates and deletions).</summary>
public sealed record ProposedChange(
    string Table, string? Key, ChangeKind Kind, IReadOnlyDictionary<string, string?> Values, string? BaseVersion,
    CitationInput? Citation, string? Comment, bool Submit);

public enum OutcomeKind
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record ChangeRequestDto(
    int Id, string Table, string? Key, string Kind, string Status, string AuthorEmail, string? ReviewerEmail, string? DecisionReason,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, string? BaseVersion,
    IReadOnlyList<FieldChange> Changes, CitationInput? Citation, string? Comment);

/// <summary>The state of a record a change conflicts with, beside what the author proposed.</summary>
public sealed record ConflictDto(string Reason, string? CurrentVersion, IReadOnlyDictionary<string, string?> Current, IReadOnlyDictionary<string, string?> Yours, int? BlockingChangeId);

public sealed record ChangeOutcome(OutcomeKind Kind, ChangeRequestDto? Change = null, IReadOnlyList<string>? Errors = null, ConflictDto? Conflict = null)
{
    public static ChangeOutcome Ok(ChangeRequestDto change) => new(OutcomeKind.Ok, change);
    public static ChangeOutcome NotFound(string what) => new(OutcomeKind.NotFound, Errors: [what]);
    public static ChangeOutcome Forbidden(string why) => new(OutcomeKind.Forbidden, Errors: [why]);
    public static ChangeOutcome Invalid(IReadOnlyList<string> errors) => new(OutcomeKind.Invalid, Errors: errors);
}
