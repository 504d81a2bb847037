using System.Globalization;
using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Transfer;

public sealed record UpsertCounts(int Inserted, int Updated, int Unchanged);

/// <summary>
/// Adds and updates the rows of one table from a table file's records, a chunk at a time: each row is matched by its
/// stable key (Code where the table has a unique one, else Id), its cells read with <see cref="JapaneseCells"/>, its
/// references checked, and compared with the stored row. Unchanged rows are left alone; changed rows are updated and
/// new rows inserted, each with an <see cref="AuditEntry"/> (actor "import", origin file:line, before/after snapshots).
/// Rows the file does not mention are never touched. Run once to check (nothing written) and once to write.
/// </summary>
internal abstract class TableUpsert
{
    protected const int ChunkSize = 500;

    public static TableUpsert For(AtlasDbContext db, IEntityType table, TimeProvider clock, string file, ErrorList errors) =>
        (TableUpsert)Activator.CreateInstance(typeof(TableUpsert<>).MakeGenericType(table.ClrType), db, table, clock, file, errors)!;

    /// <summary>The column rows are matched by: Code when it is unique, else the primary key.</summary>
    public static IProperty KeyOf(IEntityType table) =>
        table.GetIndexes().Where(i => i.IsUnique && i.Properties.Count == 1 && i.Properties[0].Name == "Code").Select(i => i.Properties[0]).FirstOrDefault()
        ?? table.FindPrimaryKey()!.Properties[0];

    public abstract Task<UpsertCounts> RunAsync(IEnumerable<TableRecord> records, bool write, CancellationToken ct);
}

internal sealed partial class TableUpsert<T>(AtlasDbContext db, IEntityType table, TimeProvider clock, string file, ErrorList errors) : TableUpsert
    where T : class
{
    private readonly IReadOnlyList<IProperty> columns = TransferTables.Columns(table);
    private readonly IProperty key = KeyOf(table);
    private readonly IProperty id = table.FindPrimaryKey()!.Properties[0];
    private readonly IProperty? approximateFlag = table.FindProperty("Approximate") is { } p && p.ClrType == typeof(bool) ? p : null;
    private readonly IProperty? unitColumn = table.FindProperty("Unit") is { } p && p.ClrType == typeof(string) ? p : null;
    private readonly List<(IProperty Property, IEntityType Principal)> references =
        [.. table.GetForeignKeys().Select(fk => (fk.Properties[0], fk.PrincipalEntityType))];
    private readonly Dictionary<IEntityType, KeySet> principalKeys = [];
    private readonly List<(object Value, int Line, string Column)> pendingSelfReferences = [];
    private readonly List<(int Line, string Text)> chunkErrors = [];
    private int rowErrors;
    private KeySet fileKeys = new();
    private KeySet fileIds = new();
    private int inserted, updated, unchanged;

    public override async Task<UpsertCounts> RunAsync(IEnumerable<TableRecord> records, bool write, CancellationToken ct)
    {
        (inserted, updated, unchanged) = (0, 0, 0);
        (fileKeys, fileIds) = (new KeySet(), new KeySet());
        pendingSelfReferences.Clear();
        using var source = records.GetEnumerator();
        var header = Next(source);
        if (header is null)
        {
            if (chunkErrors.Count == 0)
            {
                Report(0, $"{file}: the file has no header row");
            }
            FlushErrors();
            return new UpsertCounts(0, 0, 0);
        }
        var before = errors.Count;
        var mapped = UpsertHeader.Map(header, columns, file, errors);
        if (key != id && !mapped.Any(m => m.Property == key))
        {
            errors.Add($"{file}:{header.Line}: no {key.Name} column; rows of {table.GetTableName()} are matched by {key.Name}");
        }
        if (errors.Count > before)
        {
            return new UpsertCounts(0, 0, 0);
        }
        await LoadPrincipalKeysAsync(ct);
        var chunk = new List<TableRecord>(ChunkSize);
        for (var record = Next(source); record is not null; record = Next(source))
        {
            chunk.Add(record);
            if (chunk.Count == ChunkSize)
            {
                await ProcessAsync(chunk, header.Cells.Length, mapped, write, ct);
                chunk.Clear();
            }
        }
        await ProcessAsync(chunk, header.Cells.Length, mapped, write, ct);
        foreach (var (value, line, column) in pendingSelfReferences.Where(p => !fileIds.Contains(p.Value) && !principalKeys[table].Contains(p.Value)))
        {
            errors.Add($"{file}:{line}:{column}: no {table.GetTableName()} row with key {TransferTables.ToText(value)}");
        }
        return new UpsertCounts(inserted, updated, unchanged);
    }

    private TableRecord? Next(IEnumerator<TableRecord> source)
    {
        try
        {
            return source.MoveNext() ? source.Current : null;
        }
        catch (TableFormatException e)
        {
            Report(e.Line, e.Line > 0 ? $"{file}:{e.Line}: {e.Reason}" : $"{file}: {e.Reason}");
            return null;
        }
    }

    private async Task ProcessAsync(List<TableRecord> chunk, int width, List<UpsertColumn> mapped, bool write, CancellationToken ct)
    {
        if (chunk.Count == 0)
        {
            FlushErrors();
            return;
        }
        var rows = new List<(TableRecord Record, object? Key, HashSet<int>? Bad)>();
        foreach (var record in chunk)
        {
            if (ReadKey(record, width, mapped) is { } row)
            {
                rows.Add(row);
            }
        }
        var existing = await LoadAsync(key, rows.Select(r => r.Key).OfType<object>().ToList(), write, ct);
        var takenIds = key != id ? await TakenIdsAsync(rows, mapped, existing, ct) : new HashSet<object>();
        var audits = new List<(T Entity, string? Before, int Line)>();
        foreach (var (record, rowKey, bad) in rows)
        {
            var entity = rowKey is null ? null : existing.GetValueOrDefault(rowKey);
            if (Apply(record, rowKey, bad, entity, mapped, takenIds) is not { } result)
            {
                continue;
            }
            if (write && (result.IsNew || result.Changed))
            {
                if (result.IsNew)
                {
                    db.Set<T>().Add(result.Entity);
                }
                audits.Add((result.Entity, result.Before, record.Line));
            }
        }
        FlushErrors();
        if (write)
        {
            await SaveWithAuditAsync(audits, ct);
        }
    }

    /// <summary>Errors of a chunk are found in two sweeps (keys, then values): they are reported in line order.</summary>
    private void FlushErrors()
    {
        foreach (var (_, text) in chunkErrors.OrderBy(e => e.Line))
        {
            errors.Add(text);
        }
        chunkErrors.Clear();
    }

    private void Report(int line, string text)
    {
        chunkErrors.Add((line, text));
        rowErrors++;
    }

    /// <summary>Reports the record's own problems and reads its key; null when the row cannot be used.</summary>
    private (TableRecord, object?, HashSet<int>?)? ReadKey(TableRecord record, int width, List<UpsertColumn> mapped)
    {
        HashSet<int>? bad = null;
        var unusable = false;
        foreach (var problem in record.Problems)
        {
            var header = problem.ColumnName ?? mapped.FirstOrDefault(m => m.Index == problem.Column)?.Header;
            Report(record.Line, header is null ? $"{file}:{record.Line}: {problem.Reason}" : $"{file}:{record.Line}:{header}: {problem.Reason}");
            unusable |= problem.Column < 0 && problem.ColumnName is null;
            if (problem.Column >= 0)
            {
                (bad ??= []).Add(problem.Column);
            }
        }
        if (unusable)
        {
            return null;
        }
        if (record.Cells.Length != width)
        {
            Report(record.Line, string.Create(CultureInfo.InvariantCulture, $"{file}:{record.Line}: {record.Cells.Length} fields, the header has {width}"));
            return null;
        }
        var keyColumn = mapped.FirstOrDefault(m => m.Property == key);
        if (keyColumn is null)
        {
            return (record, null, bad); // Matched by Id, and the file has none: every row is new.
        }
        if (bad?.Contains(keyColumn.Index) == true)
        {
            return null;
        }
        var text = record.Cells[keyColumn.Index];
        if (key == id && (string.IsNullOrWhiteSpace(text) || ReferenceEquals(text, TableRecord.Absent)))
        {
            return (record, null, bad); // No Id: a new row, numbered by the database.
        }
        var cell = JapaneseCells.Parse(key, ReferenceEquals(text, TableRecord.Absent) ? null : text, null, null);
        if (cell.Error is not null || (cell.Value is null && key != id))
        {
            Report(record.Line, $"{file}:{record.Line}:{keyColumn.Header}: {cell.Error ?? "a value is required"}");
            return null;
        }
        if (cell.Value is not null && !fileKeys.Add(cell.Value))
        {
            Report(record.Line, $"{file}:{record.Line}:{keyColumn.Header}: {TransferTables.ToText(cell.Value)} appears more than once in the file");
            return null;
        }
        return (record, cell.Value, bad);
    }

    private async Task SaveWithAuditAsync(List<(T Entity, string? Before, int Line)> audits, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var at = clock.GetUtcNow();
        foreach (var (entity, before, line) in audits)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = at,
                Actor = "import",
                Action = before is null ? AuditAction.Created : AuditAction.Updated,
                SubjectType = table.GetTableName(),
                SubjectKey = RecordSnapshot.KeyOf(table, entity),
                Before = before,
                After = RecordSnapshot.Of(table, entity),
                Origin = Origin(line),
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private string Origin(int line)
    {
        var origin = string.Create(CultureInfo.InvariantCulture, $"{file}:{line}");
        return origin.Length <= 400 ? origin : origin[^400..];
    }
}
