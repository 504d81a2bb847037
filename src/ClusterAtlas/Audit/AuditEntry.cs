namespace ClusterAtlas.Audit;

/// <summary>
/// One line of the append-only audit log: who did what to which record, when and from where, with the record as it was
/// before and after (JSON of its columns). Rows are only ever added; as-of views read the registry's past from here.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>User e-mail, "cli:{os user}", "import" or "system".</summary>
    public required string Actor { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>Table name of the record (e.g. Regions); null for account actions without a record.</summary>
    public string? SubjectType { get; set; }
    /// <summary>Primary key of the record as text.</summary>
    public string? SubjectKey { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    /// <summary>Where the action came from: client IP, "cli", or file:line of an import.</summary>
    public string? Origin { get; set; }
    public int? ChangeRequestId { get; set; }
    public string? Note { get; set; }
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Imported,
    ChangeDrafted,
    ChangeSubmitted,
    ChangeApproved,
    ChangeRejected,
    ChangeConflict,
    SignedIn,
    SignInFailed,
    LockedOut,
    UserCreated,
    TokenCreated,
    TokenRevoked,
}
