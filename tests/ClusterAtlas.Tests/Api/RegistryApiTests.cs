using System.Text.Json.Nodes;
using ClusterAtlas.Data;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ClusterAtlas.Tests.Api;

[Collection(SeededApiFixture.Name)]
public sealed class RegistryApiTests(AtlasFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Measures_IncludeEveryBudgetedMeasureWithFourCellsEach()
    {
        var page = await client.GetJsonAsync("/api/v1/measures?limit=500");
        var measures = page.Items().ToList();
        var budgeted = measures.Where(m => m["budgets"]!.AsArray().Count > 0).ToList();
        Assert.Equal(20, budgeted.Count); // 19 rows of the CSTP table plus its 計 row
        Assert.All(budgeted, m => Assert.Equal(4, m["budgets"]!.AsArray().Count));
        var total = measures.Single(m => m["code"]!.GetValue<string>() == "cstp-cluster");
        var h17 = total["budgets"]!.AsArray().Single(b => b!["fiscalYear"]?["year"]?.GetValue<int>() == 2005)!;
        Assert.Equal(70599m, h17["amountMillionYen"]!.GetValue<decimal>());
        Assert.Equal("70, 599", h17["publishedText"]!.GetValue<string>());
        Assert.Equal("平成17年度", h17["fiscalYear"]!["ja"]!.GetValue<string>());
    }

    [Fact]
    public async Task Budgets_BlankCellsAreStoredAsBlankNotZero()
    {
        var blanks = await client.GetJsonAsync("/api/v1/budgets?status=blank");
        Assert.NotEmpty(blanks.AsArray());
        Assert.All(blanks.AsArray(), b =>
        {
            Assert.Null(b!["amountMillionYen"]);
            Assert.Equal("", b["publishedText"]!.GetValue<string>());
        });
        var fy = await client.GetJsonAsync(ApiClient.Url("/api/v1/budgets", ("fiscalYear", "平成18年度"), ("ministry", "mext")));
        Assert.All(fy.AsArray(), b => Assert.Equal(2006, b!["fiscalYear"]!["year"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Programme_KnowledgeCluster_HasChildrenSuccessorAndBudgets()
    {
        var kc = await client.GetJsonAsync("/api/v1/programmes/kc");
        Assert.Contains("kc-2", kc["children"].Strings());
        Assert.Contains(kc["successors"]!.AsArray(), s => s!["code"]!.GetValue<string>() == "rise");
        Assert.Equal("mext", kc["ministry"]!.GetValue<string>());
        Assert.NotEmpty(kc["citations"]!.AsArray());
    }

    [Fact]
    public async Task Search_TwoCharacterJapanese_FindsRegionsProjectsAndFacets()
    {
        // A project's hit names its region and leads to the region's page (a region's own entry holds only its own text).
        var result = await client.GetJsonAsync(ApiClient.Url("/api/v1/search", ("q", "創薬")));
        var project = result.Items().First(h => h["type"]!.GetValue<string>() == "project" && h["regionName"]?.GetValue<string>() == "関西広域地域");
        Assert.Matches("^/api/v1/regions/[0-9]+$", project["apiUrl"]!.GetValue<string>());
        var region = await client.GetJsonAsync(project["apiUrl"]!.GetValue<string>());
        Assert.Equal("関西広域地域", region["nameJa"]!.GetValue<string>());
        Assert.Equal(region["nameEn"]?.GetValue<string>(), project["regionNameEn"]?.GetValue<string>());
        Assert.True(result["facets"]!["project"]!.GetValue<int>() >= 1);
        var byName = await client.GetJsonAsync(ApiClient.Url("/api/v1/search", ("q", "関西")));
        Assert.Contains(byName.Items(), h => h["type"]!.GetValue<string>() == "region" && h["title"]!.GetValue<string>() == "関西広域地域");
        Assert.True(byName["facets"]!["region"]!.GetValue<int>() >= 1);
        var onlyLinks = await client.GetJsonAsync(ApiClient.Url("/api/v1/search", ("q", "創薬"), ("type", "link")));
        Assert.All(onlyLinks.Items(), h => Assert.Equal("link", h["type"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("ＴＯＨＯＫＵ", "ＴＯＨＯＫＵものづくりコリドー")]
    [InlineData("tohoku", "ＴＯＨＯＫＵものづくりコリドー")]
    [InlineData("医療", "徳島地域")]
    [InlineData("クラスター 浜松", "静岡県浜松地域")]
    [InlineData("オプトロニクス", "静岡県浜松地域")]
    public async Task Search_NormalisesWidthAndCase(string query, string expectedTitle)
    {
        // The record itself, or a project of the region, whose hit names it.
        var result = await client.GetJsonAsync(ApiClient.Url("/api/v1/search", ("q", query)));
        Assert.Contains(result.Items(), h => h["title"]!.GetValue<string>() == expectedTitle || h["regionName"]?.GetValue<string>() == expectedTitle);
    }

    [Fact]
    public async Task Source_IsServedWithLineNumbersAndRange()
    {
        var source = await client.GetJsonAsync("/api/v1/sources/004_b4cc0d8724befa58?from=11&to=11");
        var line = source["lines"]!.AsArray().Single()!;
        Assert.Equal(11, line["number"]!.GetValue<int>());
        Assert.StartsWith("連携施策群 計", line["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var raw = await client.GetAsync(new Uri("/sources/004_b4cc0d8724befa58.txt", UriKind.Relative));
        Assert.Equal("text/plain", raw.Content.Headers.ContentType!.MediaType);
        var list = await client.GetJsonAsync("/api/v1/sources");
        Assert.Equal(5, list.AsArray().Count);
        Assert.All(list.AsArray(), s => Assert.True(s!["citations"]!.GetValue<int>() > 0));
    }

    [Fact]
    public async Task OpenApiAndHealth_AreServed()
    {
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var expected in new[] { "/api/v1/regions", "/api/v1/regions/{id}", "/api/v1/measures", "/api/v1/budgets", "/api/v1/search", "/api/v1/sources/{id}", "/api/v1/industrial-clusters", "/api/v1/surveys" })
        {
            Assert.Contains(expected, paths);
        }
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        var scalar = await client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));
        Assert.True(scalar.IsSuccessStatusCode);
    }

    /// <summary>Every stored citation must be reachable through the API next to the fact it supports.</summary>
    [Fact]
    public async Task EveryCitationInTheDatabase_IsReachableThroughTheApi()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Collect(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o when o["quote"] is not null && o["link"] is not null:
                    seen.Add($"{o["document"]}|{o["line"]}|{o["quote"]}|{o["url"]}");
                    break;
                case JsonObject o:
                    foreach (var (_, v) in o)
                    {
                        Collect(v);
                    }
                    break;
                case JsonArray a:
                    foreach (var v in a)
                    {
                        Collect(v);
                    }
                    break;
            }
        }
        foreach (var url in new[] { "/api/v1/programmes?limit=500", "/api/v1/organisations?limit=500", "/api/v1/people?limit=500",
                     "/api/v1/links?limit=500", "/api/v1/industrial-clusters?limit=500", "/api/v1/events?limit=500",
                     "/api/v1/indicators?limit=500", "/api/v1/surveys", "/api/v1/ministries", "/api/v1/cooperation", "/api/v1/budgets" })
        {
            Collect(await client.GetJsonAsync(url));
        }
        var regions = await client.GetJsonAsync("/api/v1/regions?limit=500");
        foreach (var code in regions.Items().Select(r => r["code"]!.GetValue<string>()))
        {
            Collect(await client.GetJsonAsync($"/api/v1/regions/{code}"));
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        var stored = await db.Citations.AsNoTracking().ToListAsync();
        var expected = stored.Select(c => $"{c.SourceDocumentId}|{c.LineStart}|{c.Quote}|{c.Url}").ToHashSet(StringComparer.Ordinal);
        Assert.True(expected.Count > 300, $"only {expected.Count} citations stored");
        Assert.Empty(expected.Except(seen));
    }
}
