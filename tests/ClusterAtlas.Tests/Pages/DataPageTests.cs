using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Web.Features.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ClusterAtlas.Tests.Pages;

/// <summary>/data describes the downloads and offers the latest full dump, built once per registry version.</summary>
[Collection(SeededApiFixture.Name)]
public sealed class DataPageTests(AtlasFactory factory)
{
    private readonly HttpClient client = PortalClient.Create(factory);

    [Fact]
    public async Task DataPage_ShowsTheManifestWithRowCountsAndHashesInBothLanguages()
    {
        var ja = await client.PageAsync("/data");
        var en = await client.PageAsync("/data?lang=en");

        Assert.Contains("<h1>データのダウンロード</h1>", ja, StringComparison.Ordinal);
        Assert.Contains("<h1>Data downloads</h1>", en, StringComparison.Ordinal);
        Assert.Contains("href=\"/data/atlas-dump.zip\"", ja, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", ja, StringComparison.Ordinal); // the nav marks the page
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        var regions = await db.Regions.CountAsync();
        var manifest = JsonNode.Parse(await client.GetStringAsync(new Uri(DataDownloads.ManifestPath, UriKind.Relative)))!;
        var entry = manifest["files"]!.AsArray().Single(f => (string?)f!["table"] == "Regions")!;
        Assert.Equal(regions, (int)entry["rows"]!);
        Assert.Contains("data-label=\"File\">Regions.json", en, StringComparison.Ordinal);
        Assert.Contains((string)entry["sha256"]!, en, StringComparison.Ordinal);
        // The public dump holds the registry only: no audit log, accounts, password hashes, tokens or change requests.
        var tables = manifest["files"]!.AsArray().Select(f => (string)f!["table"]!).ToList();
        Assert.DoesNotContain(tables, t => t is "AuditEntries" or "SearchEntries" or "ApiTokens" or "EditorScopes" or "ChangeRequests"
            || t.StartsWith("AspNet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DumpZip_HoldsTheManifestAndFilesWhoseHashesMatch_BuiltOncePerRegistryVersion()
    {
        var cache = factory.Services.GetRequiredService<DumpCache>();
        using var first = await client.GetAsync(new Uri(DataDownloads.DumpPath, UriKind.Relative));
        first.EnsureSuccessStatusCode();
        var bytes = await first.Content.ReadAsByteArrayAsync();
        var builds = cache.Builds;

        Assert.Equal("application/zip", first.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            var manifest = JsonNode.Parse(zip.GetEntry("manifest.json")!.Open())!;
            Assert.Equal("json", (string?)manifest["format"]);
            var files = manifest["files"]!.AsArray();
            Assert.True(files.Count > 20);
            foreach (var file in files)
            {
                using var stream = zip.GetEntry((string)file!["file"]!)!.Open();
                Assert.Equal((string)file["sha256"]!, Convert.ToHexStringLower(SHA256.HashData(stream)));
            }
        }

        // The same registry: the same file, not rebuilt; a conditional request gets 304.
        using var second = await client.GetAsync(new Uri(DataDownloads.DumpPath, UriKind.Relative));
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(builds, cache.Builds);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, DataDownloads.DumpPath);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // An audited change is a new registry version: the next request builds a new dump.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "test", Action = AuditAction.Updated, Note = "data page test" });
            await db.SaveChangesAsync();
        }
        using var third = await client.GetAsync(new Uri(DataDownloads.DumpPath, UriKind.Relative));
        third.EnsureSuccessStatusCode();
        Assert.True(cache.Builds > builds);
        Assert.NotEqual(first.Headers.ETag, third.Headers.ETag);
    }
}
