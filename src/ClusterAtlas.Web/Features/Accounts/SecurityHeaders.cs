using Microsoft.AspNetCore.Http.Features;

namespace ClusterAtlas.Web.Features.Accounts;

/// <summary>Headers every response carries (pages also get their full CSP from the portal filter) and the request
/// body limit of the API.</summary>
internal static class SecurityHeaders
{
    /// <summary>Largest request body the API reads (a change request is a few kilobytes).</summary>
    public const long MaxApiBody = 1024 * 1024;

    public static WebApplication UseAtlasSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                if (context.Request.ContentLength > MaxApiBody)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    await TypedResults.Problem(statusCode: 413, title: "Request body too large", detail: $"The API accepts at most {MaxApiBody} bytes.").ExecuteAsync(context);
                    return;
                }
                // Chunked bodies without a length are cut off by the server at the same size.
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxApiBody;
                }
            }
            await next();
        });
        return app;
    }
}
