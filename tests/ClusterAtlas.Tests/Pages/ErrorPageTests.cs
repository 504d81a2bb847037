using System.Net;
using ClusterAtlas.Regions;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ClusterAtlas.Tests.Pages;

/// <summary>A failure inside a page shows the friendly HTML 500 page; the same failure in the API stays ProblemDetails.</summary>
[Collection(SeededApiFixture.Name)]
public sealed class ErrorPageTests(AtlasFactory factory)
{
    [Fact]
    public async Task Exception_GetsHtml500OnPagesAndProblemDetailsOnTheApi()
    {
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddScoped<RegionDetails>(_ => throw new InvalidOperationException("the region query is broken (test)"))));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var (status, body, type) = await client.FetchAsync("/regions/sendai?lang=en");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("text/html", type);
        Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", body, StringComparison.Ordinal);
        Assert.DoesNotContain("the region query is broken", body, StringComparison.Ordinal);

        var api = await client.FetchAsync("/api/v1/regions/sendai");
        Assert.Equal(HttpStatusCode.InternalServerError, api.Status);
        Assert.Equal("application/problem+json", api.ContentType);
    }
}
