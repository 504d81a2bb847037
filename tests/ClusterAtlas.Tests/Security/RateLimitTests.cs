using System.Net;
using ClusterAtlas.Tests.Editing;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Security;

/// <summary>The API and the sign-in form are rate limited per client; the limit answers 429 with Retry-After.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task ApiAndSignIn_AreLimitedPerClient()
    {
        await using var factory = new AtlasFactory();
        factory.Settings["RateLimits:ApiPerMinute"] = "5";
        factory.Settings["RateLimits:SignInPerMinute"] = "4";
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/regions?limit=1")).StatusCode);
        }
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        var limited = await client.GetAsync("/api/v1/regions?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/regions")).StatusCode); // pages are not API-limited

        // GET and POST of the sign-in form count against the same window of 4.
        var signIn = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var form = await client.GetAsync("/account/signin");
            signIn.Add(form.StatusCode);
            if (form.StatusCode == HttpStatusCode.OK)
            {
                var token = StaffAccess.AntiforgeryToken(await form.Content.ReadAsStringAsync());
                signIn.Add((await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = "nobody@example.jp", ["Password"] = "wrong-password-x", ["__RequestVerificationToken"] = token,
                }))).StatusCode);
            }
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], signIn);
    }
}
