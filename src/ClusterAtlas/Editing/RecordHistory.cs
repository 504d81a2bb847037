using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Editing;

public sealed record HistoryEntryDto(long Id, DateTimeOffset At, string Action, string? Actor, string Table, string? Key, int? ChangeRequestId, string? Note, IReadOnlyList<FieldChange> Changes);

public sealed record RecordDiffDto(string Table, string Key, string Change, IReadOnlyList<FieldChange> Changes);

/// <summary>The history of records, read from the append-only audit log. Actors are shown to staff only.</summary>
public sealed class RecordHistory(AtlasDbContext db)
{
    private static readonly AuditAction[] RecordActions = [AuditAction.Created, AuditAction.Updated, AuditAction.Deleted];

    public async Task<List<HistoryEntryDto>> ForRecordAsync(string table, string key, bool showActors, CancellationToken ct) =>
        (await db.AuditEntries.AsNoTracking().Where(e => e.SubjectType == table && e.SubjectKey == key)
            .OrderByDescending(e => e.Id).Take(500).ToListAsync(ct))
        .Where(e => showActors || RecordActions.Contains(e.Action))
        .Select(e => Dto(e, showActors)).ToList();

    /// <summary>Net change of every record between two moments: the state before the first change in the window
    /// against the state after the last one (a record changed and changed back does not appear).</summary>
    public async Task<List<RecordDiffDto>> BetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.At > from && e.At <= to && RecordActions.Contains(e.Action) && e.SubjectType != null)
            .OrderBy(e => e.Id).Take(20_000).ToListAsync(ct);
        return entries.GroupBy(e => (e.SubjectType!, e.SubjectKey!))
            .Select(g =>
            {
                var before = g.First().Before;
                var after = g.Last().After;
                var change = before is null ? (after is null ? "none" : "created") : after is null ? "deleted" : "updated";
                return new RecordDiffDto(g.Key.Item1, g.Key.Item2, change, RecordSnapshot.Diff(before, after).Select(d => new FieldChange(d.Field, d.Before, d.After)).ToList());
            })
            .Where(d => d.Change != "none" && (d.Change != "updated" || d.Changes.Count > 0))
            .OrderBy(d => d.Table, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<List<HistoryEntryDto>> AuditLogAsync(long? beforeId, int limit, CancellationToken ct) =>
        (await db.AuditEntries.AsNoTracking().Where(e => beforeId == null || e.Id < beforeId)
            .OrderByDescending(e => e.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct)).Select(e => Dto(e, true)).ToList();

    public async Task<AuditEntry?> EntryAsync(long id, CancellationToken ct) => await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);

    private static HistoryEntryDto Dto(AuditEntry e, bool showActors) => new(
        e.Id, e.At, e.Action.ToString(), showActors ? e.Actor + (e.Origin is null ? "" : $" ({e.Origin})") : null, e.SubjectType ?? "", e.SubjectKey,
        e.ChangeRequestId, showActors ? e.Note : null, RecordSnapshot.Diff(e.Before, e.After).Select(d => new FieldChange(d.Field, d.Before, d.After)).ToList());
}
