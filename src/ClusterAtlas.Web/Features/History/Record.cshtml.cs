using ClusterAtlas.Accounts;
using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using ClusterAtlas.Editing;
using ClusterAtlas.Web.Features.Accounts;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Web.Features.History;

/// <summary>The published history of one record, newest first; editors may propose restoring an earlier version.</summary>
public sealed class RecordModel(AtlasDbContext db, RecordHistory history) : PortalPageModel
{
    public string Table { get; private set; } = "";
    public string Key { get; private set; } = "";
    public IReadOnlyDictionary<string, string?> Current { get; private set; } = new Dictionary<string, string?>();
    public string? CurrentVersion { get; private set; }
    public List<HistoryEntryDto> Entries { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string table, string key, CancellationToken ct)
    {
        var type = EditableTables.FindRegistryTable(db.Model, table);
        if (type is null)
        {
            return NotFound();
        }
        Table = type.GetTableName()!;
        Key = key;
        var me = await HttpActors.CurrentAsync(HttpContext);
        CanEdit = me is not null && me.Satisfies(AtlasPolicies.Edit) && EditableTables.Find(db.Model, Table) is not null;
        if (await RecordWriter.FindAsync(db, type, key, ct) is { } record)
        {
            var json = RecordSnapshot.Of(type, record);
            Current = RecordSnapshot.Parse(json);
            CurrentVersion = RecordVersion.Of(json);
        }
        Entries = await history.ForRecordAsync(Table, key, me is not null && me.Satisfies(AtlasPolicies.Review), ct);
        return Current.Count == 0 && Entries.Count == 0 ? NotFound() : Page();
    }
}
