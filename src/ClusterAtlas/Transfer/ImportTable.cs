using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Search;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Transfer;

/// <summary>atlas import FILE: the file, the table (null = from the file name), the encoding (null = detect), dry run.</summary>
public sealed record ImportTableRequest(string Path, string? Table, TableEncoding? Encoding, bool DryRun);

public sealed record ImportTableResult(ErrorList Errors, UpsertCounts Counts, string Summary);

/// <summary>
/// atlas import FILE: adds and updates one table's rows from a CSV, TSV, XLSX or JSON file (see <see cref="TableUpsert"/>
/// and data/TABULAR.md). All or nothing: a first pass reads the whole file and reports every problem as
/// file:line:column: reason; only a clean file is written, in one transaction with its audit entries, after which the
/// search index is rebuilt. Re-importing the same file changes nothing.
/// </summary>
public sealed class ImportTable(AtlasDbContext db, TimeProvider clock)
{
    public async Task<ImportTableResult> RunAsync(ImportTableRequest request, Action<string>? progress, CancellationToken ct)
    {
        var errors = new ErrorList();
        var file = Path.GetFileName(request.Path);
        var format = TableFormats.FromFileName(request.Path);
        var tableName = request.Table ?? Path.GetFileNameWithoutExtension(request.Path);
        var table = TransferTables.Find(db.Model, tableName);
        if (format is null)
        {
            errors.Add($"{file}: not a table file; use .csv, .tsv, .xlsx or .json");
        }
        if (table is null)
        {
            errors.Add($"{file}: no table '{tableName}' (name the file after a table or give --table): {string.Join(", ", TransferTables.All(db.Model).Select(t => t.GetTableName()))}");
        }
        if (format is null || table is null)
        {
            return new ImportTableResult(errors, new UpsertCounts(0, 0, 0), "");
        }
        var encoding = request.Encoding;
        if (format.Value.HasEncoding() && encoding is null)
        {
            await using var probe = File.OpenRead(request.Path);
            try
            {
                encoding = TableEncodings.Detect(probe);
                progress?.Invoke($"{file}: {encoding.Value.Name()} (detected)");
            }
            catch (TableFormatException e)
            {
                errors.Add($"{file}: {e.Reason}");
                return new ImportTableResult(errors, new UpsertCounts(0, 0, 0), "");
            }
        }
        var options = new TableReadOptions { Encoding = encoding, JsonColumns = [.. TransferTables.Columns(table).Select(c => c.Name)], MarkAbsent = true };
        IEnumerable<TableRecord> Records() => TableFileReader.Read(File.OpenRead(request.Path), format.Value, options);

        var hash = await ExportDump.HashAsync(request.Path, ct);
        var upsert = TableUpsert.For(db, table, clock, file, errors);
        var counts = await upsert.RunAsync(Records(), write: false, ct);
        if (errors.Count > 0 || request.DryRun)
        {
            return new ImportTableResult(errors, counts, Describe(file, counts, request.DryRun));
        }
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var written = await upsert.RunAsync(Records(), write: true, ct);
            if (errors.Count > 0 || written != counts || await ExportDump.HashAsync(request.Path, ct) != hash)
            {
                throw new IOException($"{file} changed while it was being imported; nothing was written.");
            }
            if (written.Inserted + written.Updated > 0)
            {
                await IdentitySequences.ResetAsync(db, ct);
                progress?.Invoke("rebuilding the search index");
                await SearchIndexer.RebuildAsync(db, ct);
            }
            await tx.CommitAsync(ct);
        });
        return new ImportTableResult(errors, counts, Describe(file, counts, false));
    }

    private static string Describe(string file, UpsertCounts c, bool dryRun) => string.Create(CultureInfo.InvariantCulture,
        $"{(dryRun ? "Dry run: " : "")}{file}: {c.Inserted} {(dryRun ? "to insert" : "inserted")}, {c.Updated} {(dryRun ? "to update" : "updated")}, {c.Unchanged} unchanged; rows not in the file are kept.");
}
