using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Cli.Commands;

internal static class StatsCommand
{
    public static async Task<int> RunAsync(CommandContext c, CancellationToken ct)
    {
        await c.Out.WriteLineAsync($"provider: {c.Db.Database.ProviderName}");
        var pending = (await c.Db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            await c.Out.WriteLineAsync($"schema: {pending.Count} migration(s) pending; run `atlas db migrate`.");
            return ExitCodes.Ok;
        }
        foreach (var table in TableOrder.ParentsFirst(c.Db.Model))
        {
            var name = table.GetTableName()!;
#pragma warning disable EF1002 // Table names come from the EF model, not from input.
            var count = await c.Db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM {TableOrder.Quote(name)}").SingleAsync(ct);
#pragma warning restore EF1002
            await c.Out.WriteLineAsync($"{name,-28}{count,10}");
        }
        var load = await c.Db.DatasetLoads.OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        await c.Out.WriteLineAsync(load is null ? "dataset: none loaded" : $"dataset: {load.DatasetHash[..12]} loaded {load.LoadedAt:yyyy-MM-dd HH:mm} UTC");
        return ExitCodes.Ok;
    }
}
