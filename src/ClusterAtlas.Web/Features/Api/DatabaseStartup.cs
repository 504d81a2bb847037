using ClusterAtlas.Data;
using ClusterAtlas.Search;
using ClusterAtlas.Seeding;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Web.Features.Api;

/// <summary>
/// On start: migrate the database (rebuilding a search index an older version wrote) and, when it is empty, load the curated dataset, so that
/// `dotnet run --project src/ClusterAtlas.Web` is all a user needs. Both steps can be switched off
/// (Database:Migrate=false, Database:Seed=false) where operators migrate with `atlas db migrate` instead.
/// </summary>
internal static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        if (configuration.GetValue("Database:Migrate", true))
        {
            await db.Database.MigrateIfPendingAsync(ct);
            await SearchIndexUpgrade.RunIfNeededAsync(db, () => logger.LogInformation("Rebuilding the search index (written by an older version)"), ct);
        }
        if (configuration.GetValue("Database:Seed", true) && !await db.DatasetLoads.AnyAsync(ct) && !await db.Regions.AnyAsync(ct))
        {
            var folder = DatasetReader.Locate(configuration["Dataset:Path"]);
            var result = await scope.ServiceProvider.GetRequiredService<SeedCuratedDataset>().RunAsync(folder, replace: false, ct,
                step => logger.LogInformation("Seeding: {Step}", step));
            logger.LogInformation("{Message}", result.Message);
        }
    }
}
