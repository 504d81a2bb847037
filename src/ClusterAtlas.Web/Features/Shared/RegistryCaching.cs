using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Programmes;
using ClusterAtlas.Reconciliation;
using ClusterAtlas.Regions;
using ClusterAtlas.Search;
using Microsoft.AspNetCore.OutputCaching;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>
/// Caching of what is read often and changes only with an import: whole responses of the region API and page (output
/// cache, per language) and the search facets' per-region facts. Both follow <see cref="DataVersion"/>, so a change
/// by this process or another (an `atlas import`) is seen within Caching:CheckSeconds (default 1). Configuration:
/// Caching:Enabled (default true), Caching:Seconds (entry lifetime, default 3600: entries are keyed on the data version,
/// so the lifetime only bounds how long a rarely asked region holds memory), Caching:SizeMegabytes (default 256).
/// </summary>
internal static class RegistryCaching
{
    public const string Policy = "registry";

    public static IServiceCollection AddRegistryCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Caching");
        var enabled = section.GetValue("Enabled", true);
        var lifetime = TimeSpan.FromSeconds(section.GetValue("Seconds", 3600.0));
        var check = TimeSpan.FromSeconds(section.GetValue("CheckSeconds", 1.0));
        services.AddSingleton(sp => new DataVersion(sp.GetRequiredService<DatabaseOptions>(), sp.GetRequiredService<TimeProvider>(), check));
        services.AddSingleton<FacetFactsCache>();
        services.AddSingleton<ProgrammeOverviewCache>();
        services.AddSingleton<RegionFacetsCache>();
        services.AddSingleton<BudgetQualityCache>();
        services.AddSingleton<SeenVersion>();
        services.AddOutputCache(o =>
        {
            o.SizeLimit = section.GetValue("SizeMegabytes", 256L) * 1024 * 1024;
            o.AddPolicy(Policy, b =>
            {
                if (!enabled)
                {
                    b.NoCache();
                    return;
                }
                // Per Accept-Encoding too: the stored body is compressed (ResponseCompressionSetup) for clients that asked.
                b.Expire(lifetime).Tag(Policy).SetVaryByHeader(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding)
                    .VaryByValue(context => new KeyValuePair<string, string>("lang", PortalLanguage.Of(context)))
                    .VaryByValue(async (context, ct) => new KeyValuePair<string, string>("data", (await CurrentVersionAsync(context, ct)).ToString(CultureInfo.InvariantCulture)));
            });
        });
        return services;
    }

    /// <summary>
    /// Loads the search facets' per-region facts and the programme overview in the background once the host has started:
    /// at national scale each is a pass over a million projects (seconds), better spent before the first request.
    /// </summary>
    public static WebApplication WarmRegistryCaches(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await app.Services.GetRequiredService<FacetFactsCache>().GetAsync(app.Lifetime.ApplicationStopping);
                await app.Services.GetRequiredService<ProgrammeOverviewCache>().GetAsync(app.Lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is OperationCanceledException or System.Data.Common.DbException or InvalidOperationException)
            {
                // Only a head start: the first search loads the facts itself when this did not finish.
                app.Logger.LogWarning(e, "Warming the search facets failed");
            }
        }));
        return app;
    }

    /// <summary>The data version; when it moved, the entries of older versions (unreachable now) are dropped to free memory.</summary>
    private static async ValueTask<long> CurrentVersionAsync(HttpContext context, CancellationToken ct)
    {
        var version = context.RequestServices.GetRequiredService<DataVersion>();
        var current = await version.CurrentAsync(ct);
        var seen = context.RequestServices.GetRequiredService<SeenVersion>();
        if (Interlocked.Exchange(ref seen.Value, current) != current)
        {
            await context.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Policy, ct);
        }
        return current;
    }

    /// <summary>The version the cache last served; starts unknown so the first request never evicts anything real.</summary>
    private sealed class SeenVersion
    {
        public long Value = long.MinValue;
    }
}
