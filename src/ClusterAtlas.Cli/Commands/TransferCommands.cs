using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Cli.Commands;

internal static class TransferCommands
{
    public static async Task<int> ExportAsync(CommandContext c, CancellationToken ct)
    {
        var format = c.Args.Value("format");
        var outDir = c.Args.Value("out");
        if (format is not ("json" or "csv") || string.IsNullOrWhiteSpace(outDir))
        {
            await c.Error.WriteLineAsync("usage: atlas export --format json|csv --out DIR");
            return ExitCodes.Usage;
        }
        var manifest = await new ExportDump(c.Db, TimeProvider.System).RunAsync(format, outDir, m => c.Error.WriteLine($"… {m}"), ct);
        await c.Out.WriteLineAsync($"Exported {manifest.Files.Sum(f => f.Rows)} rows in {manifest.Files.Count} files to {Path.GetFullPath(outDir)}.");
        return ExitCodes.Ok;
    }

    public static async Task<int> ImportAsync(CommandContext c, CancellationToken ct)
    {
        if (c.Args.Words.Count != 2)
        {
            await c.Error.WriteLineAsync("usage: atlas import PATH [--dry-run]");
            return ExitCodes.Usage;
        }
        await c.Db.Database.MigrateAsync(ct);
        var path = c.Args.Words[1];
        var result = await new ImportDump(c.Db).RunAsync(path, c.Args.Has("dry-run"), m => c.Error.WriteLine($"… {m}"), ct);
        if (result.Errors.Count > 0)
        {
            foreach (var e in result.Errors)
            {
                await c.Error.WriteLineAsync(e);
            }
            await c.Error.WriteLineAsync($"{result.Errors.Count} error(s); nothing was written.");
            return ExitCodes.InvalidInput;
        }
        await c.Out.WriteLineAsync(result.Imported
            ? $"Imported {result.Rows.Values.Sum()} rows from {path}."
            : $"Dry run: {result.Rows.Values.Sum()} rows would be imported; no errors found.");
        return ExitCodes.Ok;
    }
}
