using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClusterAtlas.Tests.Api;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Pages;

/// <summary>The favicon the browsers ask for, and the home map that colours regions by their printed group.</summary>
[Collection(SeededApiFixture.Name)]
public sealed class FaviconAndMapTests(AtlasFactory factory)
{
    private readonly HttpClient client = PortalClient.Create(factory);

    [Fact]
    public async Task Favicon_IsServedAsAnIconAndAsSvg_AndTheLayoutLinksBoth()
    {
        using var ico = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType!.MediaType);
        var bytes = await ico.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]); // ICONDIR: reserved 0, type 1 (icon)
        Assert.True(BitConverter.ToUInt16(bytes, 4) >= 1);

        using var svg = await client.GetAsync(new Uri("/favicon.svg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var html = await client.PageAsync("/");
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "グローバル型 (第Ⅰ期)")]
    [InlineData("?lang=en", "Global type: 「グローバル型 (第Ⅰ期)」")]
    public async Task HomeMap_SendsAGroupLabelForEveryPointsGroup(string lang, string expectedLabel)
    {
        var html = await client.PageAsync("/" + lang);
        var map = JsonNode.Parse(Regex.Match(html, "<script type=\"application/json\" id=\"home-map-data\">(.*?)</script>").Groups[1].Value)!;
        var labels = map["groupLabels"]!.AsObject();
        var points = map["points"]!.AsArray().Select(p => p!).ToList();

        Assert.All(points, p => Assert.True(labels.ContainsKey(p["group"]!.GetValue<string>()), $"no label for {p["group"]}"));
        Assert.Contains(expectedLabel, labels.Select(l => l.Value!.GetValue<string>()));
        // The groups are the group labels printed in source 002 (plus the track where a row has none): more than one colour.
        var printed = (await client.GetJsonAsync("/api/v1/regions?limit=500")).Items()
            .SelectMany(r => r["participations"]!.AsArray()).Select(p => p!["groupLabel"]?.GetValue<string>()).OfType<string>().Distinct().ToList();
        Assert.True(labels.Count > printed.Count, $"{labels.Count} groups for {printed.Count} printed labels");
        var sendai = points.Single(p => p["code"]!.GetValue<string>() == "sendai");
        Assert.Equal("rise-global|グローバル型 (第Ⅰ期)", sendai["group"]!.GetValue<string>());
    }
}
