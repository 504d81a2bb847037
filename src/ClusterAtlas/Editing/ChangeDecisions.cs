using ClusterAtlas.Accounts;
using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using ClusterAtlas.Search;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Editing;

/// <summary>Reviewers approve (publish) or reject submitted changes. Publishing writes the record, its citation and
/// the audit entries in one transaction, and refuses when the record moved on since the author's version.</summary>
public sealed class ChangeDecisions(AtlasDbContext db, TimeProvider clock)
{
    public async Task<ChangeOutcome> ApproveAsync(Actor reviewer, int id, CancellationToken ct)
    {
        var (change, refusal) = await LoadForDecisionAsync(reviewer, id, ct);
        if (change is null)
        {
            return refusal!;
        }
        var type = EditableTables.Find(db.Model, change.SubjectType)!;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        object? record = change.SubjectKey is null ? null : await RecordWriter.FindAsync(db, type, change.SubjectKey, ct);
        var currentJson = record is null ? null : RecordSnapshot.Of(type, record);
        if (currentJson != change.BaseJson)
        {
            db.AuditEntries.Add(Entry(reviewer, AuditAction.ChangeConflict, change, currentJson, change.ProposedJson, "the record changed after the request was written"));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ChangeOutcome(OutcomeKind.Conflict, ChangeViews.Dto(change), Conflict: new ConflictDto(
                "the record changed after the request was written; reject it and ask for a new one", currentJson is null ? null : RecordVersion.Of(currentJson),
                RecordSnapshot.Parse(currentJson), RecordSnapshot.Parse(change.ProposedJson), null));
        }
        AuditAction recordAction;
        if (change.Kind == ChangeKind.Delete)
        {
            db.Remove(record!);
            recordAction = AuditAction.Deleted;
        }
        else
        {
            record ??= db.Add(RecordWriter.NewInstance(type)).Entity;
            var values = RecordSnapshot.Parse(change.ProposedJson).Where(kv => type.FindPrimaryKey()!.Properties[0].Name != kv.Key)
                .ToDictionary(kv => kv.Key, kv => kv.Value);
            RecordWriter.Apply(type, record, values);
            recordAction = change.SubjectKey is null ? AuditAction.Created : AuditAction.Updated;
        }
        change.Status = ChangeStatus.Approved;
        change.ReviewerEmail = reviewer.Email;
        change.DecidedAt = clock.GetUtcNow();
        change.OpenLock = null;
        change.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another reviewer decided the same request a moment earlier.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await AlreadyDecidedAsync(reviewer, id, ct);
        }
        var key = change.Kind == ChangeKind.Delete ? change.SubjectKey! : RecordSnapshot.KeyOf(type, record!);
        change.SubjectKey = key;
        var afterJson = change.Kind == ChangeKind.Delete ? null : RecordSnapshot.Of(type, record!);
        db.AuditEntries.Add(Entry(reviewer, AuditAction.ChangeApproved, change, null, null, null));
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = change.AuthorEmail, Action = recordAction, SubjectType = change.SubjectType, SubjectKey = key,
            Before = currentJson, After = afterJson, Origin = reviewer.Origin, ChangeRequestId = change.Id, Note = $"approved by {reviewer.Email}",
        });
        if (change.Kind != ChangeKind.Delete && (change.CitationSourceId is not null || change.CitationUrl is not null))
        {
            db.Citations.Add(new Citation
            {
                SubjectType = EditableTables.CitationSubject(type), SubjectId = int.Parse(key, System.Globalization.CultureInfo.InvariantCulture),
                Field = ChangedField(change.BaseJson, afterJson), SourceDocumentId = change.CitationSourceId, Url = change.CitationUrl,
                LineStart = change.CitationLine, Quote = change.CitationQuote ?? "",
            });
        }
        await db.SaveChangesAsync(ct);
        // Only the entries this change touches: a full rebuild reads every record (minutes at national scale).
        var touched = await SearchTargets.OfChangeAsync(db, type.ClrType, RecordSnapshot.Parse(currentJson), RecordSnapshot.Parse(afterJson), ct);
        await SearchIndexer.ReindexAsync(db, touched, ct);
        await tx.CommitAsync(ct);
        return ChangeOutcome.Ok(ChangeViews.Dto(change));
    }

    public async Task<ChangeOutcome> RejectAsync(Actor reviewer, int id, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ChangeOutcome.Invalid(["reason: say why the change is rejected"]);
        }
        var (change, refusal) = await LoadForDecisionAsync(reviewer, id, ct);
        if (change is null)
        {
            return refusal!;
        }
        change.Status = ChangeStatus.Rejected;
        change.ReviewerEmail = reviewer.Email;
        change.DecisionReason = reason.Trim();
        change.DecidedAt = clock.GetUtcNow();
        change.OpenLock = null;
        change.Revision++;
        db.AuditEntries.Add(Entry(reviewer, AuditAction.ChangeRejected, change, null, null, change.DecisionReason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await AlreadyDecidedAsync(reviewer, id, ct);
        }
        return ChangeOutcome.Ok(ChangeViews.Dto(change));
    }

    private async Task<(ChangeRequest? Change, ChangeOutcome? Refusal)> LoadForDecisionAsync(Actor reviewer, int id, CancellationToken ct)
    {
        if (!reviewer.Satisfies(AtlasPolicies.Review))
        {
            return (null, ChangeOutcome.Forbidden("deciding changes needs the reviewer role"));
        }
        var change = await db.ChangeRequests.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (change is null)
        {
            return (null, ChangeOutcome.NotFound($"no change request {id}"));
        }
        if (change.AuthorId == reviewer.UserId)
        {
            return (null, ChangeOutcome.Forbidden("a change is reviewed by someone other than its author"));
        }
        if (change.Status == ChangeStatus.Draft)
        {
            return (null, ChangeOutcome.Invalid([$"status: change request {id} is a draft, not submitted"]));
        }
        if (change.Status != ChangeStatus.Submitted)
        {
            // Someone decided (or the author withdrew) first: a conflict between two people, not a bad request.
            db.ChangeTracker.Clear();
            return (null, await AlreadyDecidedAsync(reviewer, id, ct));
        }
        return (change, null);
    }

    private async Task<ChangeOutcome> AlreadyDecidedAsync(Actor reviewer, int id, CancellationToken ct)
    {
        var change = await db.ChangeRequests.AsNoTracking().FirstAsync(c => c.Id == id, ct);
        db.AuditEntries.Add(Entry(reviewer, AuditAction.ChangeConflict, change, null, null, $"already decided ({change.Status}) by {change.ReviewerEmail}"));
        await db.SaveChangesAsync(ct);
        return new ChangeOutcome(OutcomeKind.Conflict, ChangeViews.Dto(change), Conflict: new ConflictDto(
            $"change request {id} was decided a moment ago ({change.Status}) by {change.ReviewerEmail}", null,
            new Dictionary<string, string?>(), new Dictionary<string, string?>(), id));
    }

    private AuditEntry Entry(Actor actor, AuditAction action, ChangeRequest change, string? before, string? after, string? note) => new()
    {
        At = clock.GetUtcNow(), Actor = actor.Email, Action = action, SubjectType = change.SubjectType, SubjectKey = change.SubjectKey,
        Before = before, After = after, Origin = actor.Origin, ChangeRequestId = change.Id, Note = note,
    };

    /// <summary>The field a citation supports when exactly one field changed; otherwise it supports the record.</summary>
    private static string? ChangedField(string? before, string? after) =>
        before is null ? null : RecordSnapshot.Diff(before, after) is { Count: 1 } d ? d[0].Field : null;
}
