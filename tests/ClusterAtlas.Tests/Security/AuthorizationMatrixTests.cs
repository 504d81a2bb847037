using System.Net;
using System.Text;
using ClusterAtlas.Accounts;
using ClusterAtlas.Tests.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ClusterAtlas.Tests.Security;

/// <summary>
/// Every endpoint the app maps × every role. The endpoint list comes from the app itself, so a new endpoint is
/// checked the day it is added: without an explicit policy (AllowAnonymous or a known policy) this test fails.
/// </summary>
[Collection(EditingFixture.Name)]
public sealed class AuthorizationMatrixTests(EditingFactory factory)
{
    private static readonly string[] Roles = ["anonymous", AtlasRoles.Editor, AtlasRoles.Reviewer, AtlasRoles.Admin];

    /// <summary>Who each policy lets in (the matrix, written out here rather than read from the app).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["anonymous"] = Roles,
        [AtlasPolicies.SignedIn] = [AtlasRoles.Editor, AtlasRoles.Reviewer, AtlasRoles.Admin],
        [AtlasPolicies.Edit] = [AtlasRoles.Editor, AtlasRoles.Reviewer, AtlasRoles.Admin],
        [AtlasPolicies.Review] = [AtlasRoles.Reviewer, AtlasRoles.Admin],
        [AtlasPolicies.Admin] = [AtlasRoles.Admin],
    };

    [Fact]
    public async Task EveryEndpointTimesEveryRole_AnswersAsThePolicySays()
    {
        using var warm = factory.CreateClient();
        await warm.GetAsync("/health");
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 60, $"only {endpoints.Count} endpoints found");
        var unprotected = endpoints.Where(e => e.Policy is null).Select(e => e.Display).ToList();
        Assert.True(unprotected.Count == 0, "endpoints without an explicit policy:\n" + string.Join("\n", unprotected));

        var clients = await ClientsAsync();
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var role in Roles)
            {
                var client = endpoint.IsApi ? clients[role].Api : clients[role].Portal;
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url);
                if (endpoint.Method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var denied = Denied(endpoint, response);
                var shouldPass = Allowed[endpoint.Policy!].Contains(role);
                checkedCount++;
                if (status >= 500)
                {
                    failures.Add($"{endpoint.Display} as {role}: {status}");
                }
                else if (shouldPass == denied)
                {
                    failures.Add($"{endpoint.Display} as {role}: {status} ({(shouldPass ? "should pass" : "should be refused")}, policy {endpoint.Policy})");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCount} checks failed:\n" + string.Join("\n", failures));
    }

    /// <summary>Refused means: API 401/403; pages 401/403 or a redirect to sign-in / access denied.</summary>
    private static bool Denied(Endpoint endpoint, HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }
        var location = response.Headers.Location?.OriginalString ?? "";
        return !endpoint.IsApi && response.StatusCode == HttpStatusCode.Redirect
            && (location.Contains("/account/signin", StringComparison.Ordinal) || location.Contains("/account/denied", StringComparison.Ordinal));
    }

    private sealed record Endpoint(string Method, string Url, string? Policy, bool IsApi, string Display);

    private List<Endpoint> Endpoints()
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var result = new List<Endpoint>();
        foreach (var e in source.Endpoints.OfType<RouteEndpoint>())
        {
            var url = "/" + string.Join("/", e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(Sample))));
            url = url.Replace("//", "/", StringComparison.Ordinal);
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "").Distinct().ToList();
            string? policy = anonymous ? "anonymous" : policies.Count == 1 ? Normalise(policies[0]) : null;
            if (policy is not null && !Allowed.ContainsKey(policy))
            {
                policy = null; // an unknown policy is as bad as none: nobody wrote down who it lets in
            }
            foreach (var method in methods)
            {
                result.Add(new Endpoint(method, url, policy, url.StartsWith("/api/", StringComparison.Ordinal), $"{method} {e.RoutePattern.RawText ?? url} -> {url}"));
            }
        }
        return result;
    }

    private static string Normalise(string policy) => policy.StartsWith("api-", StringComparison.Ordinal) ? policy[4..] : policy;

    private static string Sample(Microsoft.AspNetCore.Routing.Patterns.RoutePatternPart part) => part switch
    {
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart s => s.Content,
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => p.Name switch
        {
            "table" => "Regions",
            "documentName" => "v1",
            "code" => "no-such-code",
            _ => "1",
        },
        _ => "",
    };

    private async Task<Dictionary<string, (HttpClient Api, HttpClient Portal)>> ClientsAsync()
    {
        var clients = new Dictionary<string, (HttpClient, HttpClient)>
        {
            ["anonymous"] = (factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
                factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })),
        };
        foreach (var role in Roles.Skip(1))
        {
            var email = $"matrix-{role}@example.jp";
            await StaffAccess.AddUserAsync(factory, email, role);
            clients[role] = (StaffAccess.Bearer(factory, await StaffAccess.TokenAsync(factory, email)), await StaffAccess.SignInAsync(factory, email));
        }
        return clients;
    }
}
