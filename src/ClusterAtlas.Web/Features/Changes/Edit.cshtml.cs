using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using ClusterAtlas.Editing;
using ClusterAtlas.Transfer;
using ClusterAtlas.Web.Features.Accounts;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Web.Features.Changes;

/// <summary>The edit form of any registry record (or a new one): each column with its current value, the citation of
/// the new figure, and the version the editor saw. Saving proposes only the fields that changed.</summary>
public sealed class EditModel(AtlasDbContext db, ChangeRequests changes) : PortalPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Table { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty]
    public string? BaseVersion { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    [BindProperty]
    public CitationForm Citation { get; set; } = new();

    [BindProperty]
    public string? Comment { get; set; }

    public IReadOnlyDictionary<string, string?> Current { get; private set; } = new Dictionary<string, string?>();
    public List<(string Name, string Type, bool Required, bool IsKey)> Columns { get; private set; } = [];
    public List<(string Id, string Title)> Sources { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public ConflictDto? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? submit, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var kind = submit == "delete" ? ChangeKind.Delete : Key is null ? ChangeKind.Create : ChangeKind.Update;
        // Only what the editor changed: an unchanged field does not appear in the diff the reviewer reads.
        var changed = Values.Where(v => Columns.Any(c => c.Name == v.Key && !c.IsKey) && Normal(v.Value) != Normal(Current.GetValueOrDefault(v.Key)))
            .ToDictionary(v => v.Key, v => Normal(v.Value), StringComparer.Ordinal);
        var input = new ProposedChange(Table!, Key, kind, changed, BaseVersion, Citation.ToInput(), Comment, Submit: submit != "draft");
        var outcome = await changes.ProposeAsync((await HttpActors.CurrentAsync(HttpContext))!, input, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return Redirect($"/changes/{outcome.Change!.Id}");
            case OutcomeKind.Conflict:
                Conflict = outcome.Conflict;
                return PageWithStatus(409);
            case OutcomeKind.Forbidden:
                Errors = outcome.Errors ?? [];
                return PageWithStatus(403);
            default:
                Errors = outcome.Errors ?? [];
                return PageWithStatus(outcome.Kind == OutcomeKind.NotFound ? 404 : 400);
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var type = EditableTables.Find(db.Model, Table);
        if (type is null)
        {
            return false;
        }
        Table = type.GetTableName();
        Columns = TransferTables.Columns(type).Select(c => (c.Name, (Nullable.GetUnderlyingType(c.ClrType) ?? c.ClrType).Name, !c.IsNullable, c.IsPrimaryKey())).ToList();
        Sources = await db.SourceDocuments.AsNoTracking().OrderBy(s => s.Id).Select(s => new ValueTuple<string, string>(s.Id, s.TitleJa)).ToListAsync(ct);
        if (Key is not null)
        {
            var record = await RecordWriter.FindAsync(db, type, Key, ct);
            if (record is null)
            {
                return false;
            }
            var json = RecordSnapshot.Of(type, record);
            Current = RecordSnapshot.Parse(json);
            if (Request.Method == HttpMethods.Get)
            {
                BaseVersion = RecordVersion.Of(json);
            }
        }
        return true;
    }

    private static string? Normal(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

public sealed class CitationForm
{
    public string? SourceDocumentId { get; set; }
    public string? Url { get; set; }
    public string? Quote { get; set; }
    public int? Line { get; set; }
    public string? Page { get; set; }

    public CitationInput? ToInput() =>
        string.IsNullOrWhiteSpace(SourceDocumentId) && string.IsNullOrWhiteSpace(Url) && string.IsNullOrWhiteSpace(Quote)
            ? null : new CitationInput(SourceDocumentId, Url, Quote, Line, Page);
}
