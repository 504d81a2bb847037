using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>
/// Brotli/gzip for pages and API answers (a region page is 90 KB of HTML, 9 KB compressed). It runs inside the output
/// cache, so a cached answer is stored compressed — the cache then holds every region of a national registry in tens
/// of megabytes — and a hit costs no compression. Configuration: Compression:Enabled (default true),
/// Compression:Https (default false: over HTTPS, compressing pages that echo input next to a secret invites BREACH;
/// a TLS proxy in front usually compresses anyway).
/// </summary>
internal static class ResponseCompressionSetup
{
    // Not text/plain: /ping, the benchmark's baseline, stays a bare four-byte answer.
    private static readonly string[] Types =
    [
        "text/html", "application/json", "application/problem+json", "application/geo+json", "text/csv", "text/calendar",
        "text/css", "text/javascript", "application/javascript", "image/svg+xml",
    ];

    public static IServiceCollection AddPortalCompression(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Compression");
        if (!section.GetValue("Enabled", true))
        {
            return services;
        }
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = section.GetValue("Https", false);
            o.MimeTypes = Types;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Fastest: answers that miss the cache pay for it on every request; the smaller output of the slower levels
        // saves a few kilobytes of a region page at several times the CPU.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UsePortalCompression(this WebApplication app)
    {
        if (app.Configuration.GetSection("Compression").GetValue("Enabled", true))
        {
            app.UseResponseCompression();
        }
        return app;
    }
}
