using System.Globalization;
using ClusterAtlas.Regions;
using ClusterAtlas.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Scale;

/// <summary>A region with hundreds of projects: its page and API answer stay bounded, say how much there is, and cache.</summary>
public sealed class RegionDetailsAtScaleTests(GeneratedRegistry registry) : IClassFixture<GeneratedRegistry>
{
    [Fact]
    public async Task RegionApi_ListsAtMostTheSectionLimit_AndTotalsCountEveryRow()
    {
        await using var db = registry.Cli.NewContext();
        var projects = await db.Participations.CountAsync(p => p.RegionId == 1);
        var roles = await db.RoleAssignments.CountAsync(r => r.RegionId == 1);
        var indicators = await db.IndicatorObservations.CountAsync(o => o.RegionId == 1);
        Assert.True(projects > 100, $"the generated region has {projects} projects");

        var region = await registry.Web.CreateClient().GetJsonAsync("/api/v1/regions/1");

        Assert.Equal(RegionDetails.DefaultSectionLimit, region["participations"]!.AsArray().Count);
        Assert.Equal(RegionDetails.DefaultSectionLimit, region["roles"]!.AsArray().Count);
        Assert.Equal(RegionDetails.DefaultSectionLimit, region["indicators"]!.AsArray().Count);
        Assert.Equal(projects, region["totals"]!["participations"]!.GetValue<int>());
        Assert.Equal(roles, region["totals"]!["roles"]!.GetValue<int>());
        Assert.Equal(indicators, region["totals"]!["indicators"]!.GetValue<int>());
        // The first projects by term, as the page lists them.
        var starts = region["participations"]!.AsArray().Select(p => p!["start"]!["year"]!.GetValue<int>()).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.Equal(await db.Participations.Where(p => p.RegionId == 1).MinAsync(p => p.StartFiscalYear), starts[0]);
    }

    [Fact]
    public async Task RegionApi_LimitParameter_WidensEverySection_AndIsValidated()
    {
        var client = registry.Web.CreateClient();

        var wide = await client.GetJsonAsync("/api/v1/regions/2?limit=120");
        var bad = await client.GetRawAsync("/api/v1/regions/2?limit=0");

        Assert.Equal(120, wide["participations"]!.AsArray().Count);
        Assert.Equal(400, bad.Status);
    }

    [Fact]
    public async Task RegionPage_SaysHowManyItShows_AndItsDownloadHoldsEveryProject()
    {
        await using var db = registry.Cli.NewContext();
        var projects = await db.Participations.CountAsync(p => p.RegionId == 3);
        var client = registry.Web.CreateClient();

        var html = await client.GetStringAsync(new Uri("/regions/rg-00003", UriKind.Relative));
        var csv = await client.GetStringAsync(new Uri("/regions/rg-00003?format=csv&table=participations", UriKind.Relative));

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"全{projects}件のうち{RegionDetails.DefaultSectionLimit}件を表示しています。"), html, StringComparison.Ordinal);
        Assert.Equal(projects + 1, csv.TrimEnd().Split('\n').Length); // header + every project (no line breaks in generated cells)
    }

    [Fact]
    public async Task RegionApi_IsServedFromTheCacheUntilTheDataChanges()
    {
        var client = registry.Web.CreateClient();
        var before = await client.GetJsonAsync("/api/v1/regions/4");
        // The data version counts this database's committed registry changes only: other test databases written on the
        // same PostgreSQL server meanwhile do not empty the cache (they did while it was the server's next transaction id).
        using (var again = await client.GetAsync(new Uri("/api/v1/regions/4", UriKind.Relative)))
        {
            Assert.True(again.Headers.Age is not null, "a repeated request is answered from the output cache (it carries Age)");
        }
        await using (var db = registry.Cli.NewContext())
        {
            // Straight to the database, as an `atlas import` in another process would write.
            var region = await db.Regions.SingleAsync(r => r.Id == 4);
            region.NameEn = "Renamed while cached";
            await db.SaveChangesAsync();
        }

        var after = await client.GetJsonAsync("/api/v1/regions/4");

        Assert.NotEqual("Renamed while cached", before["nameEn"]!.GetValue<string>());
        Assert.Equal("Renamed while cached", after["nameEn"]!.GetValue<string>());
    }
}
