using System.Text.Json.Nodes;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Api;

[Collection(SeededApiFixture.Name)]
public sealed class RegionsApiTests(AtlasFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Regions_DefaultPage_ReturnsAllSeededRegionsWithTotal()
    {
        var page = await client.GetJsonAsync("/api/v1/regions");
        Assert.Equal(29, page["total"]!.GetValue<int>());
        Assert.Equal(29, page.Items().Count());
        Assert.Equal(50, page["limit"]!.GetValue<int>());
        Assert.All(page.Items(), r => Assert.NotEmpty(r["citations"]!.AsArray()));
    }

    [Fact]
    public async Task Regions_CursorWalk_VisitsEveryRegionOnceWithoutOffset()
    {
        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = ApiClient.Url("/api/v1/regions", cursor is null ? [("limit", "7")] : [("limit", "7"), ("cursor", cursor)]);
            var page = await client.GetJsonAsync(url);
            seen.AddRange(page.Items().Select(r => r["id"]!.GetValue<int>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 20);
        Assert.Equal(5, pages);
        Assert.Equal(29, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.Order(), seen);
    }

    [Fact]
    public async Task Regions_OffsetPaging_SecondPageContinuesFirst()
    {
        var first = await client.GetJsonAsync("/api/v1/regions?limit=10");
        var second = await client.GetJsonAsync("/api/v1/regions?limit=10&offset=10");
        var ids = first.Items().Concat(second.Items()).Select(r => r["id"]!.GetValue<int>()).ToList();
        Assert.Equal(20, ids.Distinct().Count());
        Assert.Equal(10, second["offset"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("fiscalYear", "平成22年度")]
    [InlineData("fiscalYear", "H22")]
    [InlineData("fiscalYear", "2010")]
    [InlineData("fiscalYear", "Ｈ２２")]
    public async Task Regions_FiscalYearInAnyJapaneseForm_FiltersTheSameRegions(string key, string value)
    {
        var page = await client.GetJsonAsync(ApiClient.Url("/api/v1/regions", (key, value), ("programme", "rise")));
        var names = page.Items().Select(r => r["nameJa"]!.GetValue<string>()).ToList();
        // FY2010 (H22): every continuing region whose term covers it: 29 rows minus those that ended in H21 or started later.
        Assert.Contains("弘前エリア", names);
        Assert.Contains("関西広域地域", names);
        Assert.All(page.Items(), r => Assert.Contains(r["participations"]!.AsArray(), p =>
            p!["start"]!["year"]!.GetValue<int>() <= 2010 && (p["end"] is null || p["end"]!["year"]!.GetValue<int>() >= 2010)));
    }

    [Fact]
    public async Task Regions_ProgrammeFilter_IncludesChildTracks()
    {
        var kc = await client.GetJsonAsync("/api/v1/regions?programme=kc");
        var kc2 = await client.GetJsonAsync("/api/v1/regions?programme=kc-2-global-hub");
        Assert.Equal(4, kc2["total"]!.GetValue<int>());
        Assert.True(kc["total"]!.GetValue<int>() >= 13);
        var kcCodes = kc.Items().Select(r => r["code"]!.GetValue<string>()).ToHashSet();
        Assert.Subset(kcCodes, kc2.Items().Select(r => r["code"]!.GetValue<string>()).ToHashSet());
    }

    [Fact]
    public async Task Regions_PrefectureAndFieldFilters_Narrow()
    {
        var hokkaido = await client.GetJsonAsync(ApiClient.Url("/api/v1/regions", ("prefecture", "北海道")));
        var codes = hokkaido.Items().Select(r => r["code"]!.GetValue<string>()).ToList();
        Assert.Contains("sapporo-doo", codes);
        Assert.Contains("hakodate", codes);
        Assert.DoesNotContain("kansai", codes);
        var life = await client.GetJsonAsync(ApiClient.Url("/api/v1/regions", ("field", "ライフサイエンス")));
        Assert.All(life.Items(), r => Assert.Contains("ライフサイエンス", r["fields"].Strings()));
    }

    [Fact]
    public async Task Regions_TextFilter_FindsTwoCharacterTerm()
    {
        var page = await client.GetJsonAsync(ApiClient.Url("/api/v1/regions", ("q", "創薬")));
        Assert.Contains("kansai", page.Items().Select(r => r["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RegionDetail_ByCodeAndById_AreTheSameAndCarryCitationsEverywhere()
    {
        var byCode = await client.GetJsonAsync("/api/v1/regions/kansai");
        var byId = await client.GetJsonAsync($"/api/v1/regions/{byCode["id"]}");
        Assert.Equal(byCode.ToJsonString(), byId.ToJsonString());
        Assert.Equal("関西広域地域", byCode["nameJa"]!.GetValue<string>());
        Assert.NotEmpty(byCode["links"]!.AsArray());
        Assert.All(byCode["links"]!.AsArray(), l => Assert.NotEmpty(l!["citations"]!.AsArray()));
        Assert.All(byCode["participations"]!.AsArray(), p => Assert.NotEmpty(p!["citations"]!.AsArray()));
        Assert.Contains(byCode["aliases"]!.AsArray(), a => a!["name"]!.GetValue<string>() == "関西広域クラスター");
        var citation = byCode["citations"]!.AsArray()[0]!;
        Assert.StartsWith("/api/v1/sources/", citation["link"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionDetail_Hakodate_HasCityAreaAndKnowledgeClusterParticipations()
    {
        var region = await client.GetJsonAsync("/api/v1/regions/hakodate");
        var programmes = region["participations"]!.AsArray().Select(p => p!["programme"]!.GetValue<string>()).ToList();
        Assert.Contains("city-area-general", programmes);
        Assert.Contains("city-area-advanced", programmes);
        Assert.Contains("kc-2-global-hub", programmes);
        var start = region["participations"]!.AsArray().Select(p => p!["start"]!["year"]!.GetValue<int>()).ToList();
        Assert.Equal(start.Order(), start);
        Assert.Equal("平成15年度", region["participations"]![0]!["start"]!["ja"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/v1/regions?limit=0", "limit")]
    [InlineData("/api/v1/regions?limit=501", "limit")]
    [InlineData("/api/v1/regions?limit=abc", "limit")]
    [InlineData("/api/v1/regions/kansai?limit=abc", "limit")]
    [InlineData("/api/v1/network?limit=2001", "limit")]
    [InlineData("/api/v1/regions?offset=-1", "offset")]
    [InlineData("/api/v1/regions?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/v1/regions?fiscalYear=平成0年度", "fiscalYear")]
    [InlineData("/api/v1/regions?fiscalYear=banana", "fiscalYear")]
    [InlineData("/api/v1/search", "q")]
    [InlineData("/api/v1/search?q=x&type=planet", "type")]
    [InlineData("/api/v1/indicators?sector=martian", "sector")]
    [InlineData("/api/v1/events?from=2007-13-01", "from")]
    [InlineData("/api/v1/budgets?status=guessed", "status")]
    public async Task BadParameters_Get400ProblemDetailsNamingTheParameter(string url, string parameter)
    {
        var (status, body, contentType) = await client.GetRawAsync(url);
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.NotNull(body!["errors"]![parameter]);
    }

    [Theory]
    [InlineData("/api/v1/regions/no-such-region")]
    [InlineData("/api/v1/regions/99999")]
    [InlineData("/api/v1/programmes/nope")]
    [InlineData("/api/v1/sources/nope")]
    [InlineData("/api/v1/events/nope")]
    public async Task UnknownIds_Get404ProblemDetails(string url)
    {
        var (status, body, contentType) = await client.GetRawAsync(url);
        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(404, body!["status"]!.GetValue<int>());
    }

    internal static JsonArray Array(JsonNode node) => node.AsArray();
}
