using System.Globalization;
using System.Text.Json;
using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using ClusterAtlas.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Transfer;

public sealed record ImportResult(bool Imported, ErrorList Errors, IReadOnlyDictionary<string, int> Rows);

/// <summary>
/// atlas import DIR: replaces the database's content with a dump written by <see cref="ExportDump"/>, all or nothing.
/// Pass 1 streams every file once and checks everything (manifest hashes and row counts, types, required values,
/// duplicate keys and codes, references between tables), reporting every problem as file:line:column: reason while
/// keeping only keys in memory. Pass 2 (only for a clean dump) streams the files again and writes them with
/// <see cref="BulkInserter"/> in one transaction, verifying each file's hash again before committing.
/// </summary>
public sealed class ImportDump(AtlasDbContext db, TimeProvider clock)
{
    /// <summary>A reference whose target table is not complete yet when the row is read (a table pointing at itself).</summary>
    private sealed record PendingReference(IEntityType Principal, object Value, string File, int Line, string Column);

    public async Task<ImportResult> RunAsync(string folder, bool dryRun, Action<string>? progress, CancellationToken ct)
    {
        var errors = new ErrorList();
        var manifest = await ReadManifestAsync(folder, errors, ct);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var tables = new List<(IEntityType Table, ManifestFile Entry)>();
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        if (manifest is not null)
        {
            tables = FindFiles(manifest, folder, errors);
            Check(manifest, folder, tables, errors, counts, progress);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"checked {counts.Values.Sum()} rows in {elapsed.Elapsed.TotalSeconds:F1} s"));
        }
        if (errors.Count > 0 || dryRun || manifest is null)
        {
            return new ImportResult(false, errors, counts);
        }
        await WriteAsync(manifest, folder, tables, progress, ct);
        progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"imported in {elapsed.Elapsed.TotalSeconds:F1} s"));
        return new ImportResult(true, errors, counts);
    }

    private List<(IEntityType, ManifestFile)> FindFiles(Manifest manifest, string folder, ErrorList errors)
    {
        var found = new List<(IEntityType, ManifestFile)>();
        foreach (var table in TransferTables.All(db.Model))
        {
            var entry = manifest.Files.FirstOrDefault(f => f.Table == table.GetTableName());
            if (entry is null)
            {
                errors.Add($"{Manifest.FileName}: no file for table {table.GetTableName()}");
            }
            else if (!File.Exists(PathOf(folder, entry)))
            {
                errors.Add($"{entry.File}: file listed in the manifest is missing");
            }
            else
            {
                found.Add((table, entry));
            }
        }
        return found;
    }

    /// <summary>Pass 1: reads every file, parents first, and checks it; keeps the keys that later tables refer to.</summary>
    private static void Check(Manifest manifest, string folder, List<(IEntityType Table, ManifestFile Entry)> tables, ErrorList errors,
        Dictionary<string, int> counts, Action<string>? progress)
    {
        var format = TableFormats.Parse(manifest.Format)!.Value;
        // Dumps written before encodings were recorded (and generated ones) are UTF-8: no need to sniff a hashed stream.
        var encoding = TableEncodings.Parse(manifest.Encoding) ?? TableEncoding.Utf8;
        var keys = new Dictionary<IEntityType, KeySet>();
        var pending = new List<PendingReference>();
        foreach (var (table, entry) in tables)
        {
            var reader = new DumpTableFile(table, PathOf(folder, entry), entry.File, format, encoding, errors);
            var key = reader.Columns.Select((c, i) => (c, i)).Single(x => x.c.IsPrimaryKey()).i;
            var uniques = UniqueColumns(table, reader.Columns);
            var references = table.GetForeignKeys().Select(fk => (Column: TransferTables.IndexOf(reader.Columns, fk.Properties[0]), fk.PrincipalEntityType)).ToList();
            var own = keys[table] = new KeySet();
            var rows = 0;
            foreach (var row in reader.Rows())
            {
                rows++;
                if (row.Values[key] is { } id && !own.Add(id))
                {
                    errors.Add($"{entry.File}:{row.Line}:{reader.Columns[key].Name}: duplicate key {TransferTables.ToText(id)}");
                }
                // A searchable record's id goes into its search entry's id band.
                if (SearchEntryIds.RecordIdProblem(table.ClrType, row.Values[key]) is { } idProblem)
                {
                    errors.Add($"{entry.File}:{row.Line}:{reader.Columns[key].Name}: {idProblem}");
                }
                foreach (var (column, seen) in uniques)
                {
                    if (row.Values[column] is string text && !seen.Add(text))
                    {
                        errors.Add($"{entry.File}:{row.Line}:{reader.Columns[column].Name}: duplicate {reader.Columns[column].Name} '{text}'");
                    }
                }
                foreach (var (column, principal) in references)
                {
                    if (row.Values[column] is not { } value || !row.IsParsed(column))
                    {
                        continue;
                    }
                    // A table read earlier is complete; a reference to this table or a later one waits for the end.
                    if (principal != table && keys.TryGetValue(principal, out var target))
                    {
                        if (!target.Contains(value))
                        {
                            errors.Add(MissingReference(entry.File, row.Line, reader.Columns[column].Name, principal, value));
                        }
                    }
                    else
                    {
                        pending.Add(new PendingReference(principal, value, entry.File, row.Line, reader.Columns[column].Name));
                    }
                }
            }
            if (reader.Sha256 != entry.Sha256)
            {
                errors.Add($"{entry.File}: SHA-256 differs from the manifest (the file was changed or truncated)");
            }
            // Records found in the file, valid or not: a bad row is reported once, at its line, not again as missing.
            if (reader.Records != entry.Rows)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{entry.File}: {reader.Records} rows read, the manifest says {entry.Rows}"));
            }
            counts[table.GetTableName()!] = rows;
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"checked {entry.File}: {rows} rows"));
        }
        foreach (var p in pending.Where(p => !keys.TryGetValue(p.Principal, out var target) || !target.Contains(p.Value)))
        {
            errors.Add(MissingReference(p.File, p.Line, p.Column, p.Principal, p.Value));
        }
    }

    private static string MissingReference(string file, int line, string column, IEntityType principal, object value) =>
        $"{file}:{line}:{column}: no {principal.GetTableName()} row with key {TransferTables.ToText(value)}";

    /// <summary>Columns with a unique index of their own (the codes), each with the set of values seen.</summary>
    private static List<(int Column, HashSet<string> Seen)> UniqueColumns(IEntityType table, IReadOnlyList<IProperty> columns) =>
        table.GetIndexes().Where(i => i.IsUnique && i.Properties.Count == 1 && !i.Properties[0].IsPrimaryKey())
            .Select(i => (Column: TransferTables.IndexOf(columns, i.Properties[0]), Seen: new HashSet<string>(StringComparer.Ordinal)))
            .Where(x => x.Column >= 0).ToList();

    /// <summary>Pass 2: one transaction: empty the registry, stream every file into its table, rebuild what derives.</summary>
    private async Task WriteAsync(Manifest manifest, string folder, List<(IEntityType Table, ManifestFile Entry)> tables, Action<string>? progress, CancellationToken ct)
    {
        var format = TableFormats.Parse(manifest.Format)!.Value;
        // Dumps written before encodings were recorded (and generated ones) are UTF-8: no need to sniff a hashed stream.
        var encoding = TableEncodings.Parse(manifest.Encoding) ?? TableEncoding.Utf8;
        var total = 0L;
        var written = System.Diagnostics.Stopwatch.StartNew();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsSqlite())
            {
                // A row may point at a later row of its own table (a programme's parent): check keys at the commit, as
                // PostgreSQL does at the end of each COPY. Pass 1 has checked every reference already.
                await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
            }
            await DatabaseWipe.DeleteAllAsync(db, ct);
            var restoreIndexes = await SecondaryIndexes.SuspendAsync(db, tables.Select(t => t.Table.GetTableName()!), ct);
            foreach (var (table, entry) in tables)
            {
                var errors = new ErrorList();
                var reader = new DumpTableFile(table, PathOf(folder, entry), entry.File, format, encoding, errors);
                await using (var inserter = await BulkInserter.StartAsync(db, table, reader.Columns, ct))
                {
                    foreach (var row in ReadAhead.Of(reader.Rows(), ct))
                    {
                        inserter.Add(row.Values);
                    }
                    // The bytes written must be the bytes checked: a file changed between the passes rolls everything back.
                    if (errors.Count > 0 || reader.Sha256 != entry.Sha256)
                    {
                        throw new IOException($"{entry.File} changed while it was being imported; nothing was written.");
                    }
                    await inserter.CompleteAsync(ct);
                    total += inserter.Rows;
                }
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"wrote {entry.File}: {reader.Records} rows"));
            }
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"wrote {total} rows in {written.Elapsed.TotalSeconds:F1} s"));
            var indexing = System.Diagnostics.Stopwatch.StartNew();
            await restoreIndexes();
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"built the tables' indexes in {indexing.Elapsed.TotalSeconds:F1} s"));
            await IdentitySequences.ResetAsync(db, ct);
            var search = System.Diagnostics.Stopwatch.StartNew();
            await SearchIndexer.RebuildAsync(db, ct);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"rebuilt the search index in {search.Elapsed.TotalSeconds:F1} s"));
            db.AuditEntries.Add(new AuditEntry
            {
                At = clock.GetUtcNow(), Actor = "import", Action = AuditAction.Imported, Origin = Path.GetFullPath(folder),
                Note = string.Create(CultureInfo.InvariantCulture, $"full {manifest.Format} dump of {manifest.ExportedAt:O}: {total} rows"),
            });
            await db.SaveChangesAsync(ct);
            if (db.Database.IsNpgsql())
            {
                // Fresh statistics for the planner: tables just filled by COPY have none until autovacuum comes by,
                // and the first searches after an import would be planned on guesses.
                await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
            }
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        });
        if (db.Database.IsNpgsql())
        {
            // After the commit (VACUUM cannot run in a transaction): marks the new pages all-visible and clears the old
            // rows, so the portal's index-only counts read no heap pages and its first readers do not set hint bits on
            // millions of rows — otherwise autovacuum does this while the portal serves (at 1M projects, minutes of it).
            // ANALYZE again although the one before the commit saw the same rows: the transaction's inserts reach the
            // statistics counters only at its commit, after that ANALYZE, so autovacuum analysed every table once more
            // a few seconds later, competing with the portal for the disk and the two cores.
            var vacuum = System.Diagnostics.Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", ct);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"vacuumed in {vacuum.Elapsed.TotalSeconds:F1} s"));
        }
    }

    private static string PathOf(string folder, ManifestFile entry) => Path.Combine(folder, Path.GetFileName(entry.File));

    private static async Task<Manifest?> ReadManifestAsync(string folder, ErrorList errors, CancellationToken ct)
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
            if (manifest is null || TableFormats.Parse(manifest.Format) is null || manifest.FormatVersion != Manifest.CurrentVersion)
            {
                errors.Add($"{Manifest.FileName}: unsupported format '{manifest?.Format}' version {manifest?.FormatVersion}");
                return null;
            }
            if (manifest.Encoding is not null && TableEncodings.Parse(manifest.Encoding) is null)
            {
                errors.Add($"{Manifest.FileName}: unsupported encoding '{manifest.Encoding}' (utf-8 or shift_jis)");
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
            incomplete.ForEach(errors.Add);
            return incomplete.Count == 0 ? manifest : null;
        }
        catch (JsonException e)
        {
            errors.Add($"{Manifest.FileName}:{(e.LineNumber ?? 0) + 1}: {e.Message}");
            return null;
        }
    }
}
