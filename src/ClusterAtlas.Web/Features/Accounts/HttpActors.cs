using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;

namespace ClusterAtlas.Web.Features.Accounts;

/// <summary>The signed-in user of a request as an <see cref="Actor"/> (roles and scopes from the database).</summary>
internal static class HttpActors
{
    public static async Task<Actor?> CurrentAsync(HttpContext context)
    {
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }
        var db = context.RequestServices.GetRequiredService<AtlasDbContext>();
        return await Actor.LoadAsync(db, id, Origin(context), context.RequestAborted);
    }

    /// <summary>Where a request came from, for the audit log.</summary>
    public static string Origin(HttpContext context) =>
        (context.Connection.RemoteIpAddress?.ToString() ?? "local") + (context.User.Identity?.AuthenticationType == ApiTokenAuthentication.SchemeName ? " api-token" : " web");
}
