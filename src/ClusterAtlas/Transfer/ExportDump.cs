using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Transfer;

public sealed record ManifestFile(string Table, string File, int Rows, string Sha256);

public sealed record Manifest(string Format, int FormatVersion, DateTimeOffset ExportedAt, string Provider, IReadOnlyList<ManifestFile> Files)
{
    public const string FileName = "manifest.json";
    public const int CurrentVersion = 1;
}

/// <summary>
/// atlas export: one file per table (JSON arrays with one record per line, or CSV with a header row) plus a manifest
/// with row counts and SHA-256 of every file; `atlas import` reads exactly this.
/// </summary>
public sealed class ExportDump(AtlasDbContext db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<Manifest> RunAsync(string format, string outDir, Action<string>? progress, CancellationToken ct)
    {
        if (format is not ("json" or "csv"))
        {
            throw new ArgumentException("format must be json or csv", nameof(format));
        }
        Directory.CreateDirectory(outDir);
        var files = new List<ManifestFile>();
        foreach (var table in TransferTables.All(db.Model))
        {
            var name = TransferTables.FileName(table, format);
            var path = Path.Combine(outDir, name);
            var rows = await WriteTableAsync(table, format, path, ct);
            files.Add(new ManifestFile(table.GetTableName()!, name, rows, await HashAsync(path, ct)));
            progress?.Invoke($"{name}: {rows} rows");
        }
        var manifest = new Manifest(format, Manifest.CurrentVersion, clock.GetUtcNow(), db.Database.ProviderName ?? "", files);
        await File.WriteAllTextAsync(Path.Combine(outDir, Manifest.FileName),
            JsonSerializer.Serialize(manifest, ManifestJson), ct);
        return manifest;
    }

    private async Task<int> WriteTableAsync(IEntityType table, string format, string path, CancellationToken ct)
    {
        var columns = TransferTables.Columns(table);
        var key = table.FindPrimaryKey()!.Properties[0];
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        var rows = 0;
        if (format == "csv")
        {
            await writer.WriteLineAsync(CsvFormat.Line(columns.Select(c => c.Name)));
        }
        else
        {
            await writer.WriteAsync('[');
        }
        await foreach (var entity in Stream(table.ClrType, key.Name).WithCancellation(ct))
        {
            var values = columns.Select(c => c.PropertyInfo!.GetValue(entity)).ToList();
            if (format == "csv")
            {
                await writer.WriteLineAsync(CsvFormat.Line(values.Select(TransferTables.ToText)));
            }
            else
            {
                var record = new Dictionary<string, object?>();
                for (var i = 0; i < columns.Count; i++)
                {
                    record[columns[i].Name] = values[i] is Enum or DateOnly or DateTimeOffset ? TransferTables.ToText(values[i]) : values[i];
                }
                await writer.WriteAsync((rows == 0 ? "\n" : ",\n") + JsonSerializer.Serialize(record, Json));
            }
            rows++;
        }
        if (format == "json")
        {
            await writer.WriteAsync("\n]\n");
        }
        return rows;
    }

    /// <summary>Streams a table in key order without tracking, so memory stays flat for large tables.</summary>
    private IAsyncEnumerable<object> Stream(Type clrType, string keyName)
    {
        var method = typeof(ExportDump).GetMethod(nameof(StreamOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        return (IAsyncEnumerable<object>)method.MakeGenericMethod(clrType).Invoke(this, [keyName])!;
    }

    private IAsyncEnumerable<object> StreamOf<T>(string keyName) where T : class =>
        db.Set<T>().AsNoTracking().OrderBy(e => EF.Property<object>(e, keyName)).AsAsyncEnumerable();

    public static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
