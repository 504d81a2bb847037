using System.IO.Compression;
using System.Text;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Api;

/// <summary>
/// Pages and API answers are compressed for clients that ask, and the output cache keeps one entry per encoding: a
/// plain client after a Brotli one must not be sent Brotli bytes it cannot read.
/// </summary>
[Collection(SeededApiFixture.Name)]
public sealed class CompressionTests(AtlasFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/regions/3")] // output-cached
    [InlineData("/api/v1/ministries")] // not cached
    public async Task ApiAnswer_IsTheSameJson_PlainBrotliOrGzip_InAnyOrder(string url)
    {
        var first = await GetAsync(url, null);
        var brotli = await GetAsync(url, "br");
        var gzip = await GetAsync(url, "gzip, deflate");
        var plainAgain = await GetAsync(url, null);
        var brotliAgain = await GetAsync(url, "br");

        Assert.Null(first.Encoding);
        Assert.Equal("br", brotli.Encoding);
        Assert.Equal("gzip", gzip.Encoding);
        Assert.Null(plainAgain.Encoding);
        Assert.Equal("br", brotliAgain.Encoding);
        Assert.Contains("Accept-Encoding", brotli.Vary);
        Assert.True(brotli.WireBytes * 2 < first.WireBytes, $"{url}: {brotli.WireBytes} bytes compressed of {first.WireBytes}");
        Assert.Equal(first.Text, brotli.Text);
        Assert.Equal(first.Text, gzip.Text);
        Assert.Equal(first.Text, plainAgain.Text);
        Assert.Equal(first.Text, brotliAgain.Text);
    }

    [Fact]
    public async Task RegionPage_IsCompressed_AndAPlainClientAfterwardsGetsPlainHtml()
    {
        var code = (await client.GetJsonAsync("/api/v1/regions/5"))["code"]!.GetValue<string>();
        var url = $"/regions/{code}";

        var brotli = await GetAsync(url, "gzip, deflate, br, zstd"); // what Chromium sends
        var plain = await GetAsync(url, null);

        Assert.Equal("br", brotli.Encoding);
        Assert.Null(plain.Encoding);
        Assert.StartsWith("<!DOCTYPE html>", brotli.Text.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("<!DOCTYPE html>", plain.Text.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(code, brotli.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_TheBenchmarksBaseline_IsNeverCompressed()
    {
        var ping = await GetAsync("/ping", "br");

        Assert.Null(ping.Encoding);
        Assert.Equal("pong", ping.Text);
    }

    private async Task<(string? Encoding, string Vary, int WireBytes, string Text)> GetAsync(string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        using var response = await client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        using var raw = new MemoryStream(bytes);
        using Stream decoded = encoding switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            null => raw,
            _ => throw new InvalidOperationException($"unexpected Content-Encoding {encoding}"),
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return (encoding, string.Join(",", response.Headers.Vary), bytes.Length, await reader.ReadToEndAsync());
    }
}
