using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterAtlas.Tests.Api;

/// <summary>Reads API answers as JSON trees, so tests check the wire format users see (camelCase names included).</summary>
public static class ApiClient
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} → {(int)response.StatusCode}: {body}");
        }
        return JsonNode.Parse(body)!;
    }

    public static async Task<(int Status, JsonNode? Body, string? ContentType)> GetRawAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        try
        {
            body = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (JsonException)
        {
        }
        return ((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    public static IEnumerable<JsonNode> Items(this JsonNode page) => page["items"]!.AsArray().Select(n => n!);

    public static IEnumerable<string> Strings(this JsonNode? array) => array?.AsArray().Select(n => n!.GetValue<string>()) ?? [];

    public static string Url(string path, params (string Key, string Value)[] query) =>
        path + (query.Length == 0 ? "" : "?" + string.Join("&", query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}")));

    internal static Task<T?> ReadAsync<T>(HttpContent content) => content.ReadFromJsonAsync<T>();
}
