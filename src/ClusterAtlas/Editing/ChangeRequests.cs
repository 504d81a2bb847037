using ClusterAtlas.Accounts;
using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Editing;

/// <summary>Proposing, submitting and withdrawing changes (editors). Deciding them is <see cref="ChangeDecisions"/>.</summary>
public sealed class ChangeRequests(AtlasDbContext db, TimeProvider clock)
{
    public async Task<ChangeOutcome> ProposeAsync(Actor actor, ProposedChange input, CancellationToken ct)
    {
        if (!actor.Satisfies(AtlasPolicies.Edit))
        {
            return ChangeOutcome.Forbidden("proposing changes needs the editor role");
        }
        var type = EditableTables.Find(db.Model, input.Table);
        if (type is null)
        {
            return ChangeOutcome.Invalid([$"table: '{input.Table}' is not an editable table"]);
        }
        object? current = null;
        if (input.Kind != ChangeKind.Create)
        {
            if (string.IsNullOrWhiteSpace(input.Key) || (current = await RecordWriter.FindAsync(db, type, input.Key, ct)) is null)
            {
                return ChangeOutcome.NotFound($"no {type.GetTableName()} record with key '{input.Key}'");
            }
        }
        var baseJson = current is null ? null : RecordSnapshot.Of(type, current);
        var proposed = current is null ? RecordWriter.NewInstance(type) : RecordWriter.Copy(type, current);
        var errors = input.Kind == ChangeKind.Delete ? [] : RecordWriter.Apply(type, proposed, input.Values);
        if (errors.Count == 0 && input.Kind != ChangeKind.Delete)
        {
            errors.AddRange(await RecordWriter.CheckAsync(db, type, proposed, ct));
        }
        errors.AddRange(CitationRules.Check(input.Kind, input.Citation, await SourceExistsAsync(input.Citation, ct)));
        if (input.Kind is ChangeKind.Update or ChangeKind.Restore && input.Values.Count == 0)
        {
            errors.Add("values: nothing to change");
        }
        if (errors.Count > 0)
        {
            return ChangeOutcome.Invalid(errors);
        }
        if (!EditScope.Allows(actor, type, current, input.Kind == ChangeKind.Delete ? null : proposed))
        {
            return ChangeOutcome.Forbidden($"{actor.Email} may edit only the records of their own regions or organisations");
        }
        var proposedJson = input.Kind == ChangeKind.Delete ? null : RecordSnapshot.Of(type, proposed);
        if (baseJson is not null && RecordVersion.Of(baseJson) != input.BaseVersion)
        {
            return await ConflictAsync(actor, type, input.Key, baseJson, proposedJson, "the record changed since you opened it (baseVersion is not its current version)", null, ct);
        }
        var change = new ChangeRequest
        {
            SubjectType = type.GetTableName()!, SubjectKey = input.Key, Kind = input.Kind, Status = ChangeStatus.Draft,
            BaseJson = baseJson, ProposedJson = proposedJson, CitationSourceId = Blank(input.Citation?.SourceDocumentId),
            CitationUrl = Blank(input.Citation?.Url), CitationQuote = Blank(input.Citation?.Quote), CitationLine = input.Citation?.Line,
            CitationPage = Blank(input.Citation?.Page), Comment = Blank(input.Comment), AuthorId = actor.UserId, AuthorEmail = actor.Email,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ChangeRequests.Add(change);
        await db.SaveChangesAsync(ct);
        Audit(actor, AuditAction.ChangeDrafted, change, null);
        await db.SaveChangesAsync(ct);
        return input.Submit ? await SubmitAsync(actor, change.Id, ct) : ChangeOutcome.Ok(ChangeViews.Dto(change));
    }

    /// <summary>Proposes to bring a record back to how it was after (or, for a deletion, before) an audited change.</summary>
    public async Task<ChangeOutcome> ProposeRestoreAsync(Actor actor, long auditEntryId, string? baseVersion, string? comment, CancellationToken ct)
    {
        var entry = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == auditEntryId, ct);
        var version = entry?.After ?? entry?.Before;
        if (entry?.SubjectType is null || entry.SubjectKey is null || version is null
            || entry.Action is not (AuditAction.Created or AuditAction.Updated or AuditAction.Deleted))
        {
            return ChangeOutcome.NotFound($"no record version in audit entry {auditEntryId}");
        }
        var type = EditableTables.Find(db.Model, entry.SubjectType);
        var key = type?.FindPrimaryKey()!.Properties[0].Name;
        var values = RecordSnapshot.Parse(version).Where(kv => kv.Key != key).ToDictionary(kv => kv.Key, kv => kv.Value);
        return await ProposeAsync(actor, new ProposedChange(entry.SubjectType, entry.SubjectKey, ChangeKind.Restore, values, baseVersion, null,
            comment ?? $"restore the version of {entry.At:yyyy-MM-dd HH:mm} (audit #{entry.Id})", Submit: false), ct);
    }

    /// <summary>Queues a draft for review. Only one submitted change per record may wait at a time (a unique index
    /// decides races), and the record must still be at the version the author edited.</summary>
    public async Task<ChangeOutcome> SubmitAsync(Actor actor, int id, CancellationToken ct)
    {
        var change = await db.ChangeRequests.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (change is null || change.AuthorId != actor.UserId)
        {
            return ChangeOutcome.NotFound($"no change request {id} of yours");
        }
        if (change.Status != ChangeStatus.Draft)
        {
            return ChangeOutcome.Invalid([$"status: change request {id} is {change.Status}, only drafts can be submitted"]);
        }
        var type = EditableTables.Find(db.Model, change.SubjectType)!;
        if (change.SubjectKey is not null)
        {
            var current = await RecordWriter.FindAsync(db, type, change.SubjectKey, ct);
            var currentJson = current is null ? null : RecordSnapshot.Of(type, current);
            if (currentJson != change.BaseJson)
            {
                return await ConflictAsync(actor, type, change.SubjectKey, currentJson, change.ProposedJson, "the record changed since the draft was written", change.Id, ct);
            }
            change.OpenLock = $"{change.SubjectType}/{change.SubjectKey}";
        }
        change.Status = ChangeStatus.Submitted;
        change.SubmittedAt = clock.GetUtcNow();
        change.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var blocking = await db.ChangeRequests.AsNoTracking().Where(c => c.OpenLock == $"{change.SubjectType}/{change.SubjectKey}").Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            var current = await RecordWriter.FindAsync(db, type, change.SubjectKey!, ct);
            return await ConflictAsync(actor, type, change.SubjectKey, current is null ? null : RecordSnapshot.Of(type, current), change.ProposedJson,
                $"another change to this record is awaiting review (#{blocking})", change.Id, ct, blocking);
        }
        Audit(actor, AuditAction.ChangeSubmitted, change, null);
        await db.SaveChangesAsync(ct);
        return ChangeOutcome.Ok(ChangeViews.Dto(change));
    }

    public async Task<ChangeOutcome> WithdrawAsync(Actor actor, int id, CancellationToken ct)
    {
        var change = await db.ChangeRequests.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (change is null || change.AuthorId != actor.UserId)
        {
            return ChangeOutcome.NotFound($"no change request {id} of yours");
        }
        if (change.Status is not (ChangeStatus.Draft or ChangeStatus.Submitted))
        {
            return ChangeOutcome.Invalid([$"status: change request {id} is already {change.Status}"]);
        }
        change.Status = ChangeStatus.Withdrawn;
        change.OpenLock = null;
        change.DecidedAt = clock.GetUtcNow();
        change.Revision++;
        Audit(actor, AuditAction.ChangeRejected, change, "withdrawn by the author");
        await db.SaveChangesAsync(ct);
        return ChangeOutcome.Ok(ChangeViews.Dto(change));
    }

    private async Task<ChangeOutcome> ConflictAsync(Actor actor, IEntityType type, string? key, string? currentJson, string? yoursJson, string reason, int? changeId, CancellationToken ct, int? blocking = null)
    {
        // The losing attempt is logged too: the audit shows both sides of every conflict.
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = actor.Email, Action = AuditAction.ChangeConflict, SubjectType = type.GetTableName(), SubjectKey = key,
            Before = currentJson, After = yoursJson, Origin = actor.Origin, ChangeRequestId = changeId, Note = reason,
        });
        await db.SaveChangesAsync(ct);
        return new ChangeOutcome(OutcomeKind.Conflict, Conflict: new ConflictDto(reason, currentJson is null ? null : RecordVersion.Of(currentJson),
            RecordSnapshot.Parse(currentJson), RecordSnapshot.Parse(yoursJson), blocking));
    }

    private async Task<bool> SourceExistsAsync(CitationInput? citation, CancellationToken ct) =>
        citation?.SourceDocumentId is { Length: > 0 } id && await db.SourceDocuments.AnyAsync(s => s.Id == id, ct);

    private void Audit(Actor actor, AuditAction action, ChangeRequest change, string? note) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), Actor = actor.Email, Action = action, SubjectType = change.SubjectType, SubjectKey = change.SubjectKey,
            Origin = actor.Origin, ChangeRequestId = change.Id, Note = note,
        });

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
