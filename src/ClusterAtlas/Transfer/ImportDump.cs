using System.Text;
using System.Text.Json;
using ClusterAtlas.Data;
using ClusterAtlas.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Transfer;

public sealed record ImportResult(bool Imported, IReadOnlyList<string> Errors, IReadOnlyDictionary<string, int> Rows);

/// <summary>
/// atlas import: reads what <see cref="ExportDump"/> wrote, checks everything first (types, required values,
/// references between tables, manifest hashes) and reports every problem as file:line:column: reason. Only a
/// clean dump is written, in one transaction that replaces the database's content; on error nothing is written.
/// </summary>
public sealed class ImportDump(AtlasDbContext db)
{
    /// <summary>One record of a dump file, kept even when it has errors so that its key still counts for the reference
    /// checks. <see cref="Unparsed"/> holds the columns whose text could not be read (their property keeps its default,
    /// so reference checks skip them). Nothing is written while any error exists.</summary>
    private sealed record Row(object Entity, string File, int Line, IReadOnlySet<string> Unparsed);

    public async Task<ImportResult> RunAsync(string folder, bool dryRun, Action<string>? progress, CancellationToken ct)
    {
        var errors = new List<string>();
        var manifest = await ReadManifestAsync(folder, errors, ct);
        var rows = new Dictionary<IEntityType, List<Row>>();
        if (manifest is not null)
        {
            foreach (var table in TransferTables.All(db.Model))
            {
                var entry = manifest.Files.FirstOrDefault(f => f.Table == table.GetTableName());
                if (entry is null)
                {
                    errors.Add($"{Manifest.FileName}: no file for table {table.GetTableName()}");
                    continue;
                }
                var path = Path.Combine(folder, Path.GetFileName(entry.File));
                if (!File.Exists(path))
                {
                    errors.Add($"{entry.File}: file listed in the manifest is missing");
                    continue;
                }
                if (await ExportDump.HashAsync(path, ct) != entry.Sha256)
                {
                    errors.Add($"{entry.File}: SHA-256 differs from the manifest (the file was changed or truncated)");
                }
                var (list, records) = manifest.Format == "csv" ? ReadCsv(table, path, entry.File, errors) : ReadJson(table, path, entry.File, errors);
                // Records found in the file, valid or not: a row with a bad value is reported once, at its line, not
                // again as a missing row.
                if (records != entry.Rows)
                {
                    errors.Add($"{entry.File}: {records} rows read, the manifest says {entry.Rows}");
                }
                rows[table] = list;
                progress?.Invoke($"checked {entry.File}: {list.Count} rows");
            }
            CheckReferences(rows, errors);
        }
        var counts = rows.ToDictionary(r => r.Key.GetTableName()!, r => r.Value.Count);
        if (errors.Count > 0 || dryRun)
        {
            return new ImportResult(false, errors, counts);
        }
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await DatabaseWipe.DeleteAllAsync(db, ct);
            foreach (var (table, list) in rows)
            {
                db.AddRange(list.Select(r => r.Entity));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                progress?.Invoke($"wrote {table.GetTableName()}: {list.Count} rows");
            }
            await IdentitySequences.ResetAsync(db, ct);
            await SearchIndexer.RebuildAsync(db, ct);
            await tx.CommitAsync(ct);
        });
        return new ImportResult(true, errors, counts);
    }

    private static async Task<Manifest?> ReadManifestAsync(string folder, List<string> errors, CancellationToken ct)
    {
        var path = Path.Combine(folder, Manifest.FileName);
        if (!File.Exists(path))
        {
            errors.Add($"{path}: not found; `atlas import` reads a folder written by `atlas export`");
            return null;
        }
        try
        {
            var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(path, ct), ExportDump.ManifestJson);
            if (manifest is null || manifest.Format is not ("json" or "csv") || manifest.FormatVersion != Manifest.CurrentVersion)
            {
                errors.Add($"{Manifest.FileName}: unsupported format '{manifest?.Format}' version {manifest?.FormatVersion}");
                return null;
            }
            // Deserialisation does not enforce the record's non-null members: check them before anything uses them.
            if (manifest.Files is null)
            {
                errors.Add($"{Manifest.FileName}: no \"files\" list");
                return null;
            }
            var incomplete = manifest.Files.Select((f, i) => (File: f, Index: i))
                .Where(x => x.File is null || string.IsNullOrWhiteSpace(x.File.Table) || string.IsNullOrWhiteSpace(x.File.File) || string.IsNullOrWhiteSpace(x.File.Sha256))
                .Select(x => $"{Manifest.FileName}: files[{x.Index}] needs table, file and sha256").ToList();
            errors.AddRange(incomplete);
            return incomplete.Count == 0 ? manifest : null;
        }
        catch (JsonException e)
        {
            errors.Add($"{Manifest.FileName}:{(e.LineNumber ?? 0) + 1}: {e.Message}");
            return null;
        }
    }

    private static (List<Row> Rows, int Records) ReadJson(IEntityType table, string path, string file, List<string> errors)
    {
        var result = new List<Row>();
        var columns = TransferTables.Columns(table).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length < 2 || lines[0] != "[" || lines[^1] != "]")
        {
            errors.Add($"{file}:1: expected a JSON array written one record per line");
            return (result, 0);
        }
        for (var i = 1; i < lines.Length - 1; i++)
        {
            var text = lines[i].TrimEnd(',');
            try
            {
                using var doc = JsonDocument.Parse(text);
                var values = doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => TransferTables.FromJson(p.Value), StringComparer.Ordinal);
                result.Add(Build(table, columns, values, file, i + 1, errors));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                errors.Add($"{file}:{i + 1}: not a JSON object ({e.Message})");
            }
        }
        return (result, lines.Length - 2);
    }

    private static (List<Row> Rows, int Records) ReadCsv(IEntityType table, string path, string file, List<string> errors)
    {
        var result = new List<Row>();
        var records = 0;
        var columns = TransferTables.Columns(table).ToDictionary(c => c.Name, StringComparer.Ordinal);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        try
        {
            List<string?>? header = null;
            foreach (var (line, cells) in CsvFormat.Read(reader))
            {
                if (header is null)
                {
                    header = cells;
                    continue;
                }
                records++;
                if (cells.Count != header.Count)
                {
                    errors.Add($"{file}:{line}: {cells.Count} fields, the header has {header.Count}");
                    continue;
                }
                var values = header.Select((h, i) => (h ?? "", cells[i])).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
                result.Add(Build(table, columns, values, file, line, errors));
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add($"{file}:{e.Line}: {e.Reason}");
        }
        return (result, records);
    }

    private static Row Build(IEntityType table, Dictionary<string, IProperty> columns, Dictionary<string, string?> values, string file, int line, List<string> errors)
    {
        var entity = Activator.CreateInstance(table.ClrType)!;
        var unparsed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in values.Keys.Where(k => !columns.ContainsKey(k)))
        {
            errors.Add($"{file}:{line}:{name}: unknown column");
        }
        foreach (var (name, property) in columns)
        {
            values.TryGetValue(name, out var text);
            var problem = TransferTables.TryParse(property, text, out var value);
            if (problem is not null)
            {
                errors.Add($"{file}:{line}:{name}: {problem}");
                unparsed.Add(name);
                continue;
            }
            property.PropertyInfo!.SetValue(entity, value);
        }
        return new Row(entity, file, line, unparsed);
    }

    /// <summary>
    /// Every foreign key must name a row of the dump and every primary key must be unique. Rows with other errors take
    /// part too (their key is in the file, so a reference to it is not "missing"); values that could not be read are skipped.
    /// </summary>
    private static void CheckReferences(Dictionary<IEntityType, List<Row>> rows, List<string> errors)
    {
        var keys = rows.ToDictionary(r => r.Key, r =>
        {
            var key = r.Key.FindPrimaryKey()!.Properties[0].PropertyInfo!;
            var set = new HashSet<object>();
            foreach (var row in r.Value.Where(row => !row.Unparsed.Contains(key.Name)))
            {
                if (!set.Add(key.GetValue(row.Entity)!))
                {
                    errors.Add($"{row.File}:{row.Line}:{key.Name}: duplicate key {key.GetValue(row.Entity)}");
                }
            }
            return set;
        });
        foreach (var (table, list) in rows)
        {
            foreach (var fk in table.GetForeignKeys())
            {
                var property = fk.Properties[0].PropertyInfo!;
                if (!keys.TryGetValue(fk.PrincipalEntityType, out var principal))
                {
                    continue;
                }
                foreach (var row in list.Where(row => !row.Unparsed.Contains(property.Name)))
                {
                    var value = property.GetValue(row.Entity);
                    if (value is not null && !principal.Contains(value))
                    {
                        errors.Add($"{row.File}:{row.Line}:{property.Name}: no {fk.PrincipalEntityType.GetTableName()} row with key {value}");
                    }
                }
            }
        }
    }
}
