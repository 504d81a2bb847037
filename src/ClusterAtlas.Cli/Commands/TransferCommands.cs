using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Cli.Commands;

internal static class TransferCommands
{
    public const string ExportHelp = """
        atlas export --format json|csv|tsv|xlsx --out DIR [--encoding utf-8|shift_jis]
          Writes every table (one file each; layout in data/TABULAR.md) and manifest.json with the format, encoding,
          row counts and SHA-256 of each file. CSV/TSV are UTF-8 with a BOM unless --encoding shift_jis; a value
          Shift_JIS cannot hold is reported with its table, key and column (exit 3) and no dump is left behind.
        """;

    public const string ImportHelp = """
        atlas import DIR [--dry-run]
          Replaces the database content with a dump written by `atlas export` (any format). Checks everything first
          and prints every problem as file:line:column: reason; on any problem nothing is written (exit 3).
        atlas import FILE [--table NAME] [--encoding utf-8|shift_jis] [--dry-run]
          Adds and updates the rows of one table from a .csv, .tsv, .xlsx or .json file (the table comes from the file
          name, e.g. Regions.csv, or --table). Rows are matched by Code where the table has one, else by Id; unchanged
          rows are left alone, changed rows are updated and new rows inserted, each with an audit entry. Rows absent
          from the file are kept (never deleted). Japanese cell formats are accepted (平成19年度, ▲1,234, 5億円 …).
          The encoding is detected when not given (UTF-8 BOM, valid UTF-8, else Shift_JIS). All or nothing (exit 3).
        """;

    public static async Task<int> ExportAsync(CommandContext c, CancellationToken ct)
    {
        var format = TableFormats.Parse(c.Args.Value("format"));
        var outDir = c.Args.Value("out");
        var encoding = c.Args.Has("encoding") ? TableEncodings.Parse(c.Args.Value("encoding")) : TableEncoding.Utf8;
        if (format is null || string.IsNullOrWhiteSpace(outDir) || encoding is null || (c.Args.Has("encoding") && !format.Value.HasEncoding()))
        {
            await c.Error.WriteLineAsync(encoding is null || format is null || !c.Args.Has("encoding") ? "usage: " + ExportHelp.Trim()
                : "--encoding applies to csv and tsv only (json and xlsx are always UTF-8).");
            return ExitCodes.Usage;
        }
        var result = await new ExportDump(c.Db, TimeProvider.System)
            .RunAsync(new ExportOptions(format.Value, encoding.Value), outDir, m => c.Error.WriteLine($"… {m}"), ct);
        if (result.Manifest is null)
        {
            return await ReportErrorsAsync(c, result.Errors, "no dump was written.");
        }
        await c.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Exported {result.Manifest.Files.Sum(f => f.Rows)} rows in {result.Manifest.Files.Count} files to {Path.GetFullPath(outDir)}."));
        return ExitCodes.Ok;
    }

    public static async Task<int> ImportAsync(CommandContext c, CancellationToken ct)
    {
        if (c.Args.Words.Count != 2)
        {
            await c.Error.WriteLineAsync("usage:\n" + ImportHelp.TrimEnd());
            return ExitCodes.Usage;
        }
        var path = c.Args.Words[1];
        if (File.Exists(path))
        {
            return await ImportTableAsync(c, path, ct);
        }
        if (c.Args.Has("table") || c.Args.Has("encoding"))
        {
            await c.Error.WriteLineAsync("--table and --encoding apply to importing one file; a dump folder says its own format in manifest.json.");
            return ExitCodes.Usage;
        }
        await c.Db.Database.MigrateIfPendingAsync(ct);
        var result = await new ImportDump(c.Db, TimeProvider.System).RunAsync(path, c.Args.Has("dry-run"), m => c.Error.WriteLine($"… {m}"), ct);
        if (result.Errors.Count > 0)
        {
            return await ReportErrorsAsync(c, result.Errors, "nothing was written.");
        }
        await c.Out.WriteLineAsync(result.Imported
            ? $"Imported {result.Rows.Values.Sum()} rows from {path}."
            : $"Dry run: {result.Rows.Values.Sum()} rows would be imported; no errors found.");
        return ExitCodes.Ok;
    }

    private static async Task<int> ImportTableAsync(CommandContext c, string path, CancellationToken ct)
    {
        TableEncoding? encoding = null;
        if (c.Args.Has("encoding"))
        {
            encoding = TableEncodings.Parse(c.Args.Value("encoding"));
            if (encoding is null)
            {
                await c.Error.WriteLineAsync("--encoding is utf-8 or shift_jis.");
                return ExitCodes.Usage;
            }
        }
        await c.Db.Database.MigrateIfPendingAsync(ct);
        var request = new ImportTableRequest(path, c.Args.Value("table"), encoding, c.Args.Has("dry-run"));
        var result = await new ImportTable(c.Db, TimeProvider.System).RunAsync(request, m => c.Error.WriteLine($"… {m}"), ct);
        if (result.Errors.Count > 0)
        {
            return await ReportErrorsAsync(c, result.Errors, "nothing was written.");
        }
        await c.Out.WriteLineAsync(result.Summary);
        return ExitCodes.Ok;
    }

    private static async Task<int> ReportErrorsAsync(CommandContext c, ErrorList errors, string outcome)
    {
        foreach (var line in errors.Lines())
        {
            await c.Error.WriteLineAsync(line);
        }
        await c.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{errors.Count} error(s); {outcome}"));
        return ExitCodes.InvalidInput;
    }
}
