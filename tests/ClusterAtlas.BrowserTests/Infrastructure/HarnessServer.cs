using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>
/// A static page that exercises every widget of the contract (WIDGETS.md) without the Razor pages: the harness HTML
/// plus copies of wwwroot/js and wwwroot/lib in a temporary folder, served on a loopback port under a strict
/// Content-Security-Policy (no inline scripts or styles), the way a hardened portal would serve them.
/// index.html is Japanese; en.html is the same page with lang="en". The japan-map island lists every region of the dataset.
/// </summary>
public sealed class HarnessServer : IAsyncDisposable
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly JsonSerializerOptions IslandJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly WebApplication app;
    private readonly string folder;

    private HarnessServer(WebApplication app, string folder, Uri baseAddress)
    {
        this.app = app;
        this.folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The japan-map points written into the harness (one per region of the dataset with coordinates).</summary>
    public static JsonArray RegionPoints(bool english)
    {
        var points = new JsonArray();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.DataFolder, "regions"), "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var region in JsonNode.Parse(File.ReadAllText(file))!.AsArray())
            {
                var lat = region!["latitude"]?.GetValue<double>();
                var lon = region["longitude"]?.GetValue<double>();
                if (lat is null || lon is null)
                {
                    continue;
                }
                var code = region["code"]!.GetValue<string>();
                points.Add(new JsonObject
                {
                    ["code"] = code,
                    ["name"] = region[english ? "nameEn" : "nameJa"]!.GetValue<string>(),
                    ["lat"] = lat,
                    ["lon"] = lon,
                    ["href"] = "/regions/" + code,
                });
            }
        }
        return points;
    }

    public static async Task<HarnessServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("atlas-harness-").FullName;
        CopyTree(Path.Combine(RepositoryPaths.WebRoot, "js"), Path.Combine(folder, "js"));
        CopyTree(Path.Combine(RepositoryPaths.WebRoot, "lib"), Path.Combine(folder, "lib"));
        var harness = Path.Combine(AppContext.BaseDirectory, "Harness");
        File.Copy(Path.Combine(harness, "harness.css"), Path.Combine(folder, "harness.css"));
        var html = await File.ReadAllTextAsync(Path.Combine(harness, "widgets.html"));
        await File.WriteAllTextAsync(Path.Combine(folder, "index.html"),
            html.Replace("__REGION_POINTS__", Island(false), StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(folder, "en.html"),
            html.Replace("__REGION_POINTS__", Island(true), StringComparison.Ordinal)
                .Replace("<html lang=\"ja\">", "<html lang=\"en\">", StringComparison.Ordinal));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = folder,
            WebRootPath = folder,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        // Links from the widgets (/regions/…, /programmes/…) land on a stub page, so tests can follow them.
        app.MapFallback(() => Results.Content("<!DOCTYPE html><html lang=\"ja\"><head><title>stub</title></head><body><main><h1>stub</h1></main></body></html>", "text/html; charset=utf-8"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HarnessServer(app, folder, new Uri(address.TrimEnd('/') + "/"));

        static string Island(bool english) =>
            new JsonObject { ["points"] = RegionPoints(english) }.ToJsonString(IslandJson).Replace("<", "\\u003c", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
