namespace ClusterAtlas.Web.Features.Shared;

/// <summary>
/// The page language: ?lang=en|ja first (and then remembered in the atlas-lang cookie), else the cookie, else Japanese.
/// </summary>
internal static class PortalLanguage
{
    public const string Japanese = "ja";
    public const string English = "en";
    public const string CookieName = "atlas-lang";
    public const string QueryKey = "lang";
    private const string ItemKey = "atlas.lang";

    public static string Of(HttpContext? context) =>
        context?.Items[ItemKey] as string ?? Resolve(context);

    public static IApplicationBuilder UsePortalLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // A re-executed request (error page) keeps the language the original request resolved.
        context.Items[ItemKey] ??= Resolve(context);
        var asked = context.Request.Query[QueryKey].ToString();
        if (IsKnown(asked) && context.Request.Cookies[CookieName] != asked)
        {
            context.Response.Cookies.Append(CookieName, asked, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = false, IsEssential = true, Path = "/",
                Secure = context.Request.IsHttps,
            });
        }
        await next(context);
    });

    private static string Resolve(HttpContext? context)
    {
        if (context is null)
        {
            return Japanese;
        }
        var asked = context.Request.Query[QueryKey].ToString();
        if (IsKnown(asked))
        {
            return asked;
        }
        var cookie = context.Request.Cookies[CookieName];
        return IsKnown(cookie) ? cookie! : Japanese;
    }

    private static bool IsKnown(string? lang) => lang is Japanese or English;
}
