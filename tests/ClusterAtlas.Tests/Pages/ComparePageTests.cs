using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Pages;

[Collection(SeededApiFixture.Name)]
public sealed class ComparePageTests(AtlasFactory factory)
{
    private readonly HttpClient client = PortalClient.Create(factory);

    private static readonly string[] Codes =
        ["sapporo-doo", "sendai", "nagano", "hamamatsu", "kansai", "fukuoka", "toyama-ishikawa", "tokai", "kyoto", "yamaguchi", "kurume"];

    private static string Url(IEnumerable<string> codes) => "/compare?" + string.Join("&", codes.Select(c => "r=" + c));

    [Fact]
    public async Task TwoRegions_AreShownSideBySide()
    {
        var html = await client.PageAsync(Url(["kansai", "sendai"]));
        Assert.Contains("<th scope=\"col\">関西広域地域</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">広域仙台地域</th>", html, StringComparison.Ordinal);
        Assert.Contains("メディコンバレー", html, StringComparison.Ordinal);
        Assert.Contains("id=\"r-kansai\" checked=\"checked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenRegions_AreAccepted()
    {
        var html = await client.PageAsync(Url(Codes.Take(10)));
        Assert.Contains("<th scope=\"col\">山口地域</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ElevenRegions_AreRejectedWithAMessage()
    {
        var (status, body, type) = await client.FetchAsync(Url(Codes));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("text/html", type);
        Assert.Contains("比較できるのは 10 地域までです (11 地域が指定されました)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"table-comparison\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCode_IsNamedInAMessage()
    {
        var html = await client.PageAsync(Url(["kansai", "atlantis"]));
        Assert.Contains("atlantis", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">関西広域地域</th>", html, StringComparison.Ordinal);
    }
}
