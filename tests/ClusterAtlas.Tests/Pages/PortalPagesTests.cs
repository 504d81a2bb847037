using System.Net;
using ClusterAtlas.Tests.Api;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Pages;

/// <summary>Every page of the portal renders in Japanese (default) and English with its key content.</summary>
[Collection(SeededApiFixture.Name)]
public sealed class PortalPagesTests(AtlasFactory factory)
{
    private readonly HttpClient client = PortalClient.Create(factory);

    [Theory]
    [InlineData("/", "地域科学技術クラスター・アトラス", "Regional Science &amp; Technology Cluster Atlas")]
    [InlineData("/regions", "広域仙台地域", "Greater Sendai")]
    [InlineData("/regions/sendai", "先進予防型健康社会創成仙台クラスター", "Participations over time")]
    [InlineData("/regions/kansai", "関西広域地域", "Kansai")]
    [InlineData("/programmes", "知的クラスター創成事業", "Knowledge Cluster Initiative")]
    [InlineData("/programmes/kc-2", "知的クラスター創成事業 第Ⅱ期", "Knowledge Cluster Initiative, Phase II")]
    [InlineData("/programmes/mext-regional-innovation-support", "年度別予算", "Budgets by fiscal year")]
    [InlineData("/ministries", "文部科学省", "Ministry of Education")]
    [InlineData("/ministries/mext", "所管の事業・施策", "Programmes and measures")]
    [InlineData("/organisations", "メディコンバレー", "Medicon Valley")]
    [InlineData("/organisations/medicon-valley", "国際連携の相手先として", "As an international partner")]
    [InlineData("/people", "人物", "People")]
    [InlineData("/events", "クラスタージャパン2007テクノフェア", "Events")]
    [InlineData("/events?view=calendar&month=2007-11", "2007年11月", "November 2007")]
    [InlineData("/events/cluster-japan-2007-technofair", "東京ビッグサイト", "This event as iCalendar")]
    [InlineData("/sources", "出典文書", "Source documents")]
    [InlineData("/sources/002_a517ae6cbf4fe8c2", "引用している記録", "Cited by")]
    [InlineData("/search?q=創薬", "検索結果", "results for")]
    [InlineData("/compare?r=kansai&r=sendai", "地域の比較表", "Regions side by side")]
    [InlineData("/international", "フィンランド", "Finland")]
    [InlineData("/network", "連携ネットワーク", "Partner network")]
    [InlineData("/indicators", "特許出願件数", "Patent applications")]
    [InlineData("/industrial-clusters", "産業クラスター計画のプロジェクト", "Industrial Cluster Plan projects")]
    [InlineData("/budgets", "施策別・年度別の予算", "Budgets by measure and fiscal year")]
    [InlineData("/quality", "データ品質: 予算表の照合", "Data quality: checking the budget tables")]
    [InlineData("/data", "全データの一括ダンプ", "Full dump")]
    public async Task Page_RendersInJapaneseByDefaultAndInEnglishOnRequest(string url, string japanese, string english)
    {
        var ja = await client.PageAsync(url);
        Assert.Contains("<html lang=\"ja\">", ja, StringComparison.Ordinal);
        Assert.Contains(japanese, ja, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", ja, StringComparison.Ordinal);
        Assert.Contains("<h1", ja, StringComparison.Ordinal);

        var en = await client.PageAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en");
        Assert.Contains("<html lang=\"en\">", en, StringComparison.Ordinal);
        Assert.Contains(english, en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionPage_ShowsFiscalYearsAsEraWithYearInJapaneseAndFyInEnglish()
    {
        var ja = await client.PageAsync("/regions/sendai");
        Assert.Contains("平成19年度 (2007) – 平成23年度 (2011)", ja, StringComparison.Ordinal);
        var en = await client.PageAsync("/regions/sendai?lang=en");
        Assert.Contains("FY2007 – FY2011", en, StringComparison.Ordinal);
        Assert.DoesNotContain("平成19年度 (2007)", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionPage_LinksEveryFactToItsSourceLineWithTheQuote()
    {
        var html = await client.PageAsync("/regions/sendai");
        Assert.Contains("href=\"/sources/002_a517ae6cbf4fe8c2#L10\" title=\"「広域仙台地域 (H19-H23)」", html, StringComparison.Ordinal);
        Assert.Contains("id=\"table-participations\"", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">", html, StringComparison.Ordinal);
        Assert.Contains("data-widget=\"timeline\"", html, StringComparison.Ordinal);
        Assert.Contains("data-widget=\"world-map\"", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"application/json\" id=\"region-timeline-data\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourcePage_AnchorsEveryLineAndHighlightsCitedOnes()
    {
        var html = await client.PageAsync("/sources/002_a517ae6cbf4fe8c2");
        Assert.Contains("<tr id=\"L1\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr id=\"L10\" class=\"cited\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regions/sendai\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammePage_ShowsBlankBudgetCellsAsBlankNotZero()
    {
        var html = await client.PageAsync("/programmes/city-area");
        // The printed cells are blank; what the totals say about them is their status, not a filled-in number.
        Assert.Contains("空欄 (ゼロではない)", html, StringComparison.Ordinal);
        Assert.Contains("class=\"status-undetermined\"", html, StringComparison.Ordinal);
        Assert.Contains("\"data\":[null,null,null]", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_HasMapOfEveryRegionWithALocationAndHeadlineFiguresWithSources()
    {
        var html = await client.PageAsync("/");
        Assert.Equal(29, html.Split("\"href\":\"/regions/", StringSplitOptions.None).Length - 1);
        Assert.Contains("data-widget=\"japan-map\"", html, StringComparison.Ordinal);
        Assert.Contains("2,230", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/sources/003_ac2ba5bdf92421bf#L11\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_IsSemanticAndLoadsOnlyTheSiteStylesheetAndModule()
    {
        var html = await client.PageAsync("/regions");
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", html, StringComparison.Ordinal);
        Assert.Contains("<header", html, StringComparison.Ordinal);
        Assert.Contains("<nav", html, StringComparison.Ordinal);
        Assert.Contains("<footer", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/css/site.css\">", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/js/atlas.js\"></script>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*type=\"application/json\")"));
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://cdn", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" onclick=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_KeepsTheCurrentAddressAndTheChoiceIsRememberedInACookie()
    {
        var html = await client.PageAsync("/regions?field=ライフサイエンス");
        Assert.Contains("class=\"lang-switch\" href=\"/regions?field=%E3%83%A9%E3%82%A4%E3%83%95%E3%82%B5%E3%82%A4%E3%82%A8%E3%83%B3%E3%82%B9&amp;lang=en\"", html, StringComparison.Ordinal);

        using var switched = await client.GetAsync(new Uri("/regions?lang=en", UriKind.Relative));
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("atlas-lang=en", cookie, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/programmes", UriKind.Relative));
        request.Headers.Add("Cookie", "atlas-lang=en");
        using var remembered = await client.SendAsync(request);
        Assert.Contains("<html lang=\"en\">", await remembered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("en", remembered.Content.Headers.ContentLanguage.Single());
    }

    [Theory]
    [InlineData("/regions/no-such-region", "ページが見つかりません")]
    [InlineData("/no/such/page", "ページが見つかりません")]
    [InlineData("/programmes/nope?lang=en", "Page not found")]
    [InlineData("/events/nope.ics", "ページが見つかりません")]
    public async Task UnknownPage_GetsAFriendlyHtml404(string url, string text)
    {
        var (status, body, type) = await client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("text/html", type);
        Assert.Contains(text, body, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/regions/no-such-region")]
    [InlineData("/api/v1/no-such-endpoint")]
    public async Task UnknownApiResource_StillGetsProblemDetails(string url)
    {
        var (status, body, type) = await client.FetchAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("\"status\":404", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionsList_RejectsAnUnreadableFiscalYearWithAMessage()
    {
        var (status, body, _) = await client.FetchAsync("/regions?fiscalYear=someday");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("role=\"alert\"", body, StringComparison.Ordinal);
        Assert.Contains("someday", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionsList_FiltersLikeTheApi()
    {
        var html = await client.PageAsync("/regions?programme=kc&fiscalYear=H21");
        var api = await client.FetchAsync("/api/v1/regions?programme=kc&fiscalYear=H21");
        var total = System.Text.Json.JsonDocument.Parse(api.Body).RootElement.GetProperty("total").GetInt32();
        Assert.Contains($"{total} 件", html, StringComparison.Ordinal);
        Assert.True(total is > 0 and < 29);
    }

    [Fact]
    public async Task NetworkApi_ReturnsNodesAndEdges()
    {
        var (status, body, _) = await client.FetchAsync("/api/v1/network");
        Assert.Equal(HttpStatusCode.OK, status);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var nodes = json.RootElement.GetProperty("nodes");
        Assert.Contains(nodes.EnumerateArray(), n => n.GetProperty("id").GetString() == "region:kansai");
        Assert.Contains(nodes.EnumerateArray(), n => n.GetProperty("kind").GetString() == "foreign");
        Assert.True(json.RootElement.GetProperty("edges").GetArrayLength() > 29);
    }

    /// <summary>The curated graph is within the limits, so it is drawn whole: every node and edge its rows give.</summary>
    [Fact]
    public async Task NetworkApi_OnTheCuratedRegistry_IsTheWholeGraph()
    {
        var graph = await client.GetJsonAsync("/api/v1/network");
        var html = await client.PageAsync("/network");

        await using var db = factory.Database.NewContext();
        var whole = await Scale.WholeNetwork.ReadAsync(db);

        var nodes = graph["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        var edges = graph["edges"]!.AsArray().Select(e => $"{e!["source"]}|{e["target"]}|{e["labelJa"]}").ToList();
        Assert.Equal(68, nodes.Count);
        Assert.Equal(98, edges.Count);
        Assert.Equal(68, graph["totals"]!["nodes"]!.GetValue<int>());
        Assert.Equal(98, graph["totals"]!["edges"]!.GetValue<int>());
        Assert.Equal(whole.Nodes.Order(StringComparer.Ordinal), nodes.Order(StringComparer.Ordinal));
        Assert.Equal(whole.Edges.Order(StringComparer.Ordinal), edges.Order(StringComparer.Ordinal));
        Assert.Equal(300, graph["nodeLimit"]!.GetValue<int>());
        Assert.Equal(1500, graph["edgeLimit"]!.GetValue<int>());
        Assert.Contains("ノード 68、つながり 98", html, StringComparison.Ordinal);
        Assert.DoesNotContain("件のノードのうち", html, StringComparison.Ordinal);
    }
}
