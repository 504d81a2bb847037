using ClusterAtlas.Web.Features.Data;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>Wiring of the public portal (Razor Pages under Features/): services, error pages, language, feeds.</summary>
internal static class PortalServices
{
    /// <summary>Strict for scripts (atlas.js only, JSON islands are data); styles may be set inline by the widget libraries.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<UiText>();
        services.AddDataDownloads();
        // Japanese as characters, not &#x…; entities: a third of the page size, and readable source.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<MvcOptions>(o => o.Filters.Add(new PortalHeaders()));
        return services;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi")
        || context.Request.Path.StartsWithSegments("/health");

    /// <summary>ProblemDetails for the API; a friendly HTML page (in the visitor's language) for everything else.</summary>
    /// <remarks>
    /// The HTML handlers sit on the main pipeline because re-executing /error/{code} needs the app's routes, which a
    /// UseWhen branch does not see. The API branch inside them answers first (its ProblemDetails has a body, so the
    /// outer status-code page leaves it alone, and its exception handler has already handled the exception).
    /// </remarks>
    public static WebApplication UsePortalErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UsePortalLanguage();
        return app;
    }

    /// <summary>Headers of every portal page: language, caching by language cookie, and the content security policy.</summary>
    private sealed class PortalHeaders : IResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentLanguage = PortalLanguage.Of(context.HttpContext);
            headers.Vary = "Cookie";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }
}
