using ClusterAtlas.Accounts;
using ClusterAtlas.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Web.Features.Api;

public sealed record TokenRequest(string? Name, int? ExpiresInDays);

public sealed record CreatedTokenDto(string Token, TokenInfo Info);

public sealed record MeDto(string Email, IReadOnlyList<string> Roles, IReadOnlyList<int> RegionIds, IReadOnlyList<int> OrganisationIds);

/// <summary>/api/v1/account: who the token belongs to, and the owner's personal tokens (created, listed, revoked).</summary>
internal static class AccountApi
{
    public static WebApplication MapAccountApi(this WebApplication app)
    {
        var me = app.MapGroup("/api/v1/account").WithTags("Account").RequireAuthorization(AuthSetup.Api(AtlasPolicies.SignedIn)).RequireRateLimiting(AuthSetup.ApiLimit);
        me.MapGet("/", async (HttpContext http) => await HttpActors.CurrentAsync(http) is { } a
            ? Results.Ok(new MeDto(a.Email, [.. a.Roles.Order(StringComparer.Ordinal)], a.RegionIds, a.OrganisationIds)) : Results.Unauthorized()).WithSummary("The account of the token");
        me.MapGet("/tokens", async Task<Ok<List<TokenInfo>>> (HttpContext http, ApiTokens tokens, CancellationToken ct) =>
            TypedResults.Ok(await tokens.ListAsync((await HttpActors.CurrentAsync(http))!.UserId, ct))).WithSummary("Your tokens (never their text)");
        me.MapPost("/tokens", CreateToken).WithSummary("Create a token; its text is shown in this answer only");
        me.MapDelete("/tokens/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, HttpContext http, ApiTokens tokens, UserManager<AtlasUser> users, CancellationToken ct) =>
            await users.GetUserAsync(http.User) is { } user && await tokens.RevokeAsync(user, id, HttpActors.Origin(http), ct)
                ? TypedResults.NoContent() : TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"you have no token {id}")).WithSummary("Revoke one of your tokens");
        return app;
    }

    private static async Task<Results<Created<CreatedTokenDto>, ProblemHttpResult>> CreateToken(TokenRequest body, HttpContext http, ApiTokens tokens, UserManager<AtlasUser> users, CancellationToken ct)
    {
        if (body.ExpiresInDays is < 1 or > 366 || body.Name?.Length > 100)
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid token request", detail: "expiresInDays is 1–366; name has at most 100 characters");
        }
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: 401, title: "Unauthorized");
        }
        var (token, info) = await tokens.CreateAsync(user, body.Name ?? "api", body.ExpiresInDays is { } d ? TimeSpan.FromDays(d) : null, HttpActors.Origin(http), ct);
        return TypedResults.Created($"/api/v1/account/tokens/{info.Id}", new CreatedTokenDto(token, info));
    }
}
