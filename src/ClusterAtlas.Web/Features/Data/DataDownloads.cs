namespace ClusterAtlas.Web.Features.Data;

/// <summary>/data/atlas-dump.zip (the latest full dump) and /data/manifest.json (its manifest), served from <see cref="DumpCache"/>.</summary>
public static class DataDownloads
{
    public const string DumpPath = "/data/atlas-dump.zip";
    public const string ManifestPath = "/data/manifest.json";

    internal static IServiceCollection AddDataDownloads(this IServiceCollection services) => services.AddSingleton<DumpCache>();

    internal static IEndpointRouteBuilder MapDataDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(DumpPath, async (DumpCache cache, CancellationToken ct) =>
        {
            var dump = await cache.GetAsync(ct);
            return Results.File(dump.ZipPath, "application/zip", "atlas-dump.zip", dump.Manifest.ExportedAt,
                new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{dump.Key}\""), enableRangeProcessing: true);
        }).ExcludeFromDescription();
        app.MapGet(ManifestPath, async (DumpCache cache, CancellationToken ct) => Results.Json((await cache.GetAsync(ct)).Manifest, ManifestJson))
            .ExcludeFromDescription();
        return app;
    }

    private static readonly System.Text.Json.JsonSerializerOptions ManifestJson = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };
}
