using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ClusterAtlas.Tests.Editing;

/// <summary>Accounts, sign-in (real cookie + anti-forgery form) and API tokens against the app under test.</summary>
public static partial class StaffAccess
{
    public const string Password = "correct-horse-battery-9";

    /// <summary>Creates an account through the same use case as `atlas users add`.</summary>
    public static async Task AddUserAsync(AtlasFactory factory, string email, string role, params string[] regions)
    {
        using var scope = factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdmin>().AddAsync(email, role, regions, [], Password, "test", "test", CancellationToken.None);
        Assert.True(result.Created, string.Join("; ", result.Errors));
    }

    public static async Task<string> TokenAsync(AtlasFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AtlasUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no user {email}");
        var (token, _) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user, "test", null, "test", CancellationToken.None);
        return token;
    }

    public static HttpClient Bearer(AtlasFactory factory, string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the portal form, as a browser would; the client keeps the cookies.</summary>
    public static async Task<HttpClient> SignInAsync(AtlasFactory factory, string email, string password = Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/account/signin", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>GETs the page, then POSTs the form with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("the page has no anti-forgery token");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}

/// <summary>A private app and database for tests that change data (the shared seeded app stays read-only).</summary>
public sealed class EditingFactory : AtlasFactory;

[CollectionDefinition(Name)]
public sealed class EditingFixture : ICollectionFixture<EditingFactory>
{
    public const string Name = "editing";
}
