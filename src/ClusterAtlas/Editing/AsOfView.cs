using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Editing;

/// <summary>
/// The registry as it stood at a moment: inside a transaction that is always rolled back, every record change logged
/// after that moment is undone (newest first), so every query of the request reads the old state — pages and API
/// alike, without a second copy of the data. Records loaded by the curated dataset count as there from the start;
/// a full import is a horizon the log cannot see past.
/// </summary>
public static class AsOfView
{
    public static async Task<string?> RollBackAsync(AtlasDbContext db, DateTimeOffset asOf, CancellationToken ct)
    {
        var horizon = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.Imported && e.At > asOf)
            .OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
        if (horizon is { } h)
        {
            return $"the registry was replaced by a full import at {h:O}; history before that is not available";
        }
        var undo = await db.AuditEntries.AsNoTracking()
            .Where(e => e.At > asOf && e.SubjectType != null && (e.Action == AuditAction.Created || e.Action == AuditAction.Updated || e.Action == AuditAction.Deleted))
            .OrderByDescending(e => e.Id).ToListAsync(ct);
        foreach (var entry in undo)
        {
            var type = EditableTables.FindRegistryTable(db.Model, entry.SubjectType);
            if (type is null || entry.SubjectKey is null)
            {
                continue;
            }
            var record = await RecordWriter.FindAsync(db, type, entry.SubjectKey, ct);
            if (entry.Before is null)
            {
                if (record is not null)
                {
                    db.Remove(record);
                }
            }
            else
            {
                if (record is null)
                {
                    record = RecordWriter.NewInstance(type);
                    SetAll(type, record, entry.Before);
                    db.Add(record);
                }
                else
                {
                    SetAll(type, record, entry.Before);
                }
            }
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>Sets every column, the key included (for re-creating a deleted record).</summary>
    private static void SetAll(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, object record, string json)
    {
        var values = RecordSnapshot.Parse(json);
        foreach (var column in Transfer.TransferTables.Columns(type))
        {
            if (values.TryGetValue(column.Name, out var text) && Transfer.TransferTables.TryParse(column, text, out var value) is null)
            {
                column.PropertyInfo!.SetValue(record, value);
            }
        }
    }
}
