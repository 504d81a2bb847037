using System.Threading.RateLimiting;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using ClusterAtlas.Editing;

namespace ClusterAtlas.Web.Features.Accounts;

/// <summary>Sign-in (cookies for the portal, bearer tokens for the API), roles and policies, rate limits.</summary>
internal static class AuthSetup
{
    private const string Selector = "atlas";
    public const string SignInLimit = "sign-in";
    public const string ApiLimit = "api";

    /// <summary>Policies for the API: the same roles, authenticated by tokens only (so no cookie, no CSRF).</summary>
    public static string Api(string policy) => "api-" + policy;

    public static IServiceCollection AddAtlasAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<AtlasUser, IdentityRole>(AccountServices.ConfigureIdentity).AddEntityFrameworkStores<AtlasDbContext>();
        services.AddAtlasAccountUseCases();
        services.AddAtlasEditing();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "atlas-auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/denied";
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "atlas-csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultAuthenticateScheme = Selector;
                o.DefaultChallengeScheme = Selector;
                o.DefaultForbidScheme = Selector;
            })
            .AddPolicyScheme(Selector, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorization(o =>
        {
            o.AddPolicy(AtlasPolicies.SignedIn, p => p.RequireAuthenticatedUser());
            o.AddPolicy(Api(AtlasPolicies.SignedIn), p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser());
            foreach (var policy in new[] { AtlasPolicies.Edit, AtlasPolicies.Review, AtlasPolicies.Admin })
            {
                o.AddPolicy(policy, p => p.RequireRole(AtlasPolicies.RolesFor(policy)));
                o.AddPolicy(Api(policy), p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(AtlasPolicies.RolesFor(policy)));
            }
            // An endpoint without an explicit policy (or AllowAnonymous) is closed to everyone; the authorization
            // matrix test names it. A request that matches no endpoint passes, so it gets its 404 rather than a sign-in.
            o.FallbackPolicy = new AuthorizationPolicyBuilder()
                .RequireAssertion(context => context.Resource is HttpContext http && http.GetEndpoint() is null).Build();
        });
        services.AddAtlasRateLimits(configuration);
        return services;
    }

    private static void AddAtlasRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var apiPerMinute = configuration.GetValue("RateLimits:ApiPerMinute", 1200);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem(statusCode: 429, title: "Too many requests", detail: "Wait a minute and try again.")
                    .ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(SignInLimit, context => Window(ClientOf(context), signInPerMinute));
            // Per token when one is presented, otherwise per client address. 0 turns the API limit off (benchmarks).
            o.AddPolicy(ApiLimit, context => apiPerMinute <= 0 ? RateLimitPartition.GetNoLimiter("off")
                : Window(context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : ClientOf(context), apiPerMinute));
        });
    }

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";
}
