using ClusterAtlas.Seeding;

namespace ClusterAtlas.Web.Features.Api;

internal static class SourceFileEndpoints
{
    /// <summary>The source documents as plain text at /sources/{id}.txt, so provenance links resolve.</summary>
    public static void MapSourceFiles(this IEndpointRouteBuilder app) =>
        app.MapGet("/sources/{id}.txt", IResult (string id, IConfiguration config) =>
        {
            var folder = Path.Combine(DatasetReader.Locate(config["Dataset:Path"]), "sources");
            var safe = Path.GetFileName(id);
            var path = Path.Combine(folder, safe + ".txt");
            return safe == id && File.Exists(path)
                ? TypedResults.PhysicalFile(path, "text/plain; charset=utf-8")
                : TypedResults.Problem(statusCode: 404, title: $"No source '{id}'");
        }).ExcludeFromDescription();
}
