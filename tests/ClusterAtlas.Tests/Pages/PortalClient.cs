using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClusterAtlas.Tests.Pages;

/// <summary>Fetches portal pages as a browser would, without a cookie jar, so each request's language is what its URL says.</summary>
public static class PortalClient
{
    public static HttpClient Create(AtlasFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    public static async Task<(HttpStatusCode Status, string Body, string? ContentType)> FetchAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    public static async Task<string> PageAsync(this HttpClient client, string url)
    {
        var (status, body, type) = await client.FetchAsync(url);
        if (status != HttpStatusCode.OK || type != "text/html")
        {
            throw new HttpRequestException($"GET {url} → {(int)status} {type}: {body[..Math.Min(body.Length, 500)]}");
        }
        return body;
    }
}
