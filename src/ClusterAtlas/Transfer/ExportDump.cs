using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Transfer;

public sealed record ManifestFile(string Table, string File, int Rows, string Sha256);

/// <summary>What a dump folder holds: the format (and, for CSV/TSV, the encoding), when and from which database it
/// was written, and every file with its row count and SHA-256.</summary>
public sealed record Manifest(string Format, int FormatVersion, DateTimeOffset ExportedAt, string Provider, IReadOnlyList<ManifestFile> Files)
{
    public const string FileName = "manifest.json";
    public const int CurrentVersion = 1;

    /// <summary>utf-8 or shift_jis for CSV/TSV; absent for JSON and XLSX (and in dumps written before it existed).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Encoding { get; init; }
}

public sealed record ExportOptions(TableFormat Format, TableEncoding Encoding = TableEncoding.Utf8);

/// <summary>The manifest written, or the errors (values the chosen encoding cannot hold) that stopped the export.</summary>
public sealed record ExportResult(Manifest? Manifest, ErrorList Errors);

/// <summary>
/// atlas export: one file per table (JSON, CSV, TSV or XLSX; see data/TABULAR.md for the layout) plus a manifest with row
/// counts and SHA-256 of every file; `atlas import` reads exactly this. Tables stream in key order, so memory stays flat.
/// A value the output cannot hold (a character Shift_JIS lacks, a control character in a spreadsheet format) is
/// reported with its table, key and column instead of being written as '?'; then no dump is left behind.
/// </summary>
public sealed class ExportDump(AtlasDbContext db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The JSON or CSV dump (UTF-8), throwing when it cannot be written.</summary>
    public async Task<Manifest> RunAsync(string format, string outDir, Action<string>? progress, CancellationToken ct)
    {
        var parsed = TableFormats.Parse(format) ?? throw new ArgumentException("format must be json, csv, tsv or xlsx", nameof(format));
        var result = await RunAsync(new ExportOptions(parsed), outDir, progress, ct);
        return result.Manifest ?? throw new InvalidOperationException(string.Join("\n", result.Errors.Lines()));
    }

    public async Task<ExportResult> RunAsync(ExportOptions options, string outDir, Action<string>? progress, CancellationToken ct)
    {
        Directory.CreateDirectory(outDir);
        var errors = new ErrorList();
        var files = new List<ManifestFile>();
        var written = new List<string>();
        foreach (var table in TransferTables.All(db.Model))
        {
            var name = TransferTables.FileName(table, options.Format.Name());
            var path = Path.Combine(outDir, name);
            written.Add(path);
            var rows = await WriteTableAsync(table, options, path, name, errors, ct);
            files.Add(new ManifestFile(table.GetTableName()!, name, rows, await HashAsync(path, ct)));
            progress?.Invoke($"{name}: {rows} rows");
        }
        if (errors.Count > 0)
        {
            written.ForEach(File.Delete);
            return new ExportResult(null, errors);
        }
        var manifest = new Manifest(options.Format.Name(), Manifest.CurrentVersion, clock.GetUtcNow(), db.Database.ProviderName ?? "", files)
        {
            Encoding = options.Format.HasEncoding() ? options.Encoding.Name() : null,
        };
        await File.WriteAllTextAsync(Path.Combine(outDir, Manifest.FileName), JsonSerializer.Serialize(manifest, ManifestJson), ct);
        return new ExportResult(manifest, errors);
    }

    private async Task<int> WriteTableAsync(IEntityType table, ExportOptions options, string path, string file, ErrorList errors, CancellationToken ct)
    {
        var columns = TransferTables.Columns(table);
        var key = table.FindPrimaryKey()!.Properties[0];
        var encoding = options.Format.HasEncoding() ? options.Encoding : TableEncoding.Utf8;
        var checkText = options.Format != TableFormat.Json;
        var rows = 0;
        await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        using (var writer = TableFileWriter.Create(stream, options.Format, encoding, [.. columns.Select(c => c.Name)],
                   [.. columns.Select(TransferTables.KindOf)], table.GetTableName()!))
        {
            var cells = new string?[columns.Count];
            await foreach (var entity in Stream(table.ClrType, key.Name).WithCancellation(ct))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    cells[i] = TransferTables.ToText(columns[i].PropertyInfo!.GetValue(entity));
                    if (checkText && cells[i] is { } text && Unwritable(text, encoding) is { } problem)
                    {
                        errors.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{file}: {key.Name}={TransferTables.ToText(key.PropertyInfo!.GetValue(entity))}, column {columns[i].Name}: {problem}"));
                        cells[i] = null;
                    }
                }
                writer.Write(cells);
                rows++;
            }
        }
        return rows;
    }

    /// <summary>Why a text cannot be written faithfully (null when it can).</summary>
    private static string? Unwritable(string text, TableEncoding encoding)
    {
        var control = DelimitedReader.IndexOfNonText(text);
        if (control >= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"control character U+{(int)text[control]:X4} cannot be carried by csv, tsv or xlsx (export as json)");
        }
        var at = TableEncodings.FirstUnencodable(encoding, text);
        if (at < 0)
        {
            return null;
        }
        var rune = System.Text.Rune.GetRuneAt(text, at);
        return string.Create(CultureInfo.InvariantCulture, $"'{rune}' (U+{rune.Value:X4}) cannot be encoded in Shift_JIS (export as utf-8, or replace it)");
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
