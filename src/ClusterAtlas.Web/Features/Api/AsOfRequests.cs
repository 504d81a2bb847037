using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Editing;

namespace ClusterAtlas.Web.Features.Api;

/// <summary>
/// `?asOf=2026-01-01` on any GET (page or API): the request runs inside a transaction in which the changes logged
/// after that moment are undone, and the transaction is rolled back afterwards. A date means the end of that day (UTC).
/// </summary>
internal static class AsOfRequests
{
    public const string ItemKey = "atlas-as-of";

    public static WebApplication UseAsOfViews(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var text = context.Request.Query["asOf"].ToString();
            if (string.IsNullOrEmpty(text) || !HttpMethods.IsGet(context.Request.Method))
            {
                await next();
                return;
            }
            if (Parse(text) is not { } asOf)
            {
                await Problem(context, 400, "asOf must be a date (2026-01-01) or a date and time with offset (2026-01-01T09:00:00+09:00)");
                return;
            }
            var db = context.RequestServices.GetRequiredService<AtlasDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(context.RequestAborted);
            var refusal = await AsOfView.RollBackAsync(db, asOf, context.RequestAborted);
            if (refusal is not null)
            {
                await Problem(context, 409, refusal);
                return;
            }
            context.Items[ItemKey] = asOf;
            try
            {
                await next();
            }
            finally
            {
                await tx.RollbackAsync(CancellationToken.None);
            }
        });
        return app;
    }

    public static DateTimeOffset? Of(HttpContext context) => context.Items[ItemKey] as DateTimeOffset?;

    public static DateTimeOffset? Parse(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private static Task Problem(HttpContext context, int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: status == 400 ? "Invalid asOf" : "Not available as of that date", detail: detail).ExecuteAsync(context);
}
