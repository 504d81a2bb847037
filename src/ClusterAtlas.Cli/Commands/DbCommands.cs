using ClusterAtlas.Data;
using ClusterAtlas.Search;
using ClusterAtlas.Seeding;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Cli.Commands;

internal static class DbCommands
{
    public static async Task<int> MigrateAsync(CommandContext c, CancellationToken ct)
    {
        var pending = (await c.Db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await c.Db.Database.MigrateAsync(ct);
        await c.Out.WriteLineAsync(pending.Count == 0 ? "The database schema is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        if (await SearchIndexUpgrade.RunIfNeededAsync(c.Db, () => c.Error.WriteLine("… rebuilding the search index (written by an older version)"), ct))
        {
            await c.Out.WriteLineAsync("Rebuilt the search index.");
        }
        return ExitCodes.Ok;
    }

    public static async Task<int> ReindexAsync(CommandContext c, CancellationToken ct)
    {
        await c.Db.Database.MigrateIfPendingAsync(ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await SearchIndexer.RebuildAsync(c.Db, ct);
        var entries = await c.Db.SearchEntries.CountAsync(ct);
        await c.Out.WriteLineAsync($"Rebuilt the search index: {entries:N0} entries in {clock.Elapsed.TotalSeconds:0.0} s.");
        return ExitCodes.Ok;
    }

    public static async Task<int> SeedAsync(CommandContext c, CancellationToken ct)
    {
        await c.Db.Database.MigrateIfPendingAsync(ct);
        try
        {
            var folder = DatasetReader.Locate(c.Args.Value("data") ?? c.Configuration["Dataset:Path"]);
            var result = await new SeedCuratedDataset(c.Db, TimeProvider.System)
                .RunAsync(folder, c.Args.Has("replace"), ct, step => c.Error.WriteLine($"… {step}"));
            var ok = result.Outcome != SeedOutcome.RefusedOtherData;
            // A refusal (exit 3) is a diagnostic: it goes to stderr like every other error, so scripts see it.
            await (ok ? c.Out : c.Error).WriteLineAsync(result.Message);
            return ok ? ExitCodes.Ok : ExitCodes.InvalidInput;
        }
        catch (DatasetException e)
        {
            await c.Error.WriteLineAsync(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (DirectoryNotFoundException e)
        {
            await c.Error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
    }
}
