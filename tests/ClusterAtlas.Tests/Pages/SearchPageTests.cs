using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Pages;

[Collection(SeededApiFixture.Name)]
public sealed class SearchPageTests(AtlasFactory factory)
{
    private readonly HttpClient client = PortalClient.Create(factory);

    private static string Url(string q, string extra = "") => "/search?q=" + Uri.EscapeDataString(q) + extra;

    [Fact]
    public async Task TwoCharacterJapaneseTerm_IsFoundAndMarked()
    {
        var html = await client.PageAsync(Url("創薬"));
        Assert.Contains("<mark>創薬</mark>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regions/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullWidthQuery_FindsHalfWidthTextAndMarksTheOriginalCharacters()
    {
        var half = await client.PageAsync(Url("LSI"));
        var full = await client.PageAsync(Url("ＬＳＩ"));
        Assert.Contains("<mark>LSI</mark>", full, StringComparison.Ordinal);
        Assert.Equal(Count(half), Count(full));

        static string Count(string html) => System.Text.RegularExpressions.Regex.Match(html, "検索結果: (\\d+) 件").Groups[1].Value;
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    public async Task QueryWithMarkup_IsShownEscapedNeverAsMarkup(string q)
    {
        var (status, body, _) = await client.FetchAsync(Url(q));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", body, StringComparison.Ordinal);
        Assert.Contains("&lt;", body, StringComparison.Ordinal);
        Assert.Contains("見つかりませんでした", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HighlightedTitle_EscapesTheTextAroundTheMark()
    {
        // A query term that occurs inside titles with other characters around it; everything but <mark> is text.
        var html = await client.PageAsync(Url("クラスター"));
        var titles = System.Text.RegularExpressions.Regex.Matches(html, "<a class=\"hit-title\"[^>]*>(.*?)</a>");
        Assert.NotEmpty(titles);
        Assert.All(titles, m => Assert.Matches("^(?:[^<>]|<mark>|</mark>)*$", m.Groups[1].Value));
    }

    [Fact]
    public async Task TooLongQuery_GetsAClearMessage()
    {
        var (status, body, _) = await client.FetchAsync(Url(new string('あ', 201)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("検索語が長すぎます (201 文字)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryWithoutWords_GetsAClearMessage()
    {
        var (status, body, _) = await client.FetchAsync(Url("   "));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("語を入力して検索してください", body, StringComparison.Ordinal);
        var (status2, body2, _) = await client.FetchAsync(Url("!!! ???", "&lang=en"));
        Assert.Equal(HttpStatusCode.BadRequest, status2);
        Assert.Contains("no searchable words", body2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingFound_ShowsHintsAndExamples()
    {
        var html = await client.PageAsync(Url("存在しない語句ですよ"));
        Assert.Contains("見つかりませんでした", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=%E5%89%B5%E8%96%AC\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facets_NarrowByTypeFieldAndFiscalYearAndKeepTheirStateInTheUrl()
    {
        var all = await client.PageAsync(Url("クラスター"));
        Assert.Contains("name=\"type\" value=\"region\"", all, StringComparison.Ordinal);
        Assert.Contains("name=\"programme\"", all, StringComparison.Ordinal);
        Assert.Contains("name=\"fyFrom\"", all, StringComparison.Ordinal);

        var regions = await client.PageAsync(Url("クラスター", "&type=region"));
        Assert.Contains("name=\"type\" value=\"region\" id=\"type-region\" checked=\"checked\"", regions, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"hit hit-programme\"", regions, StringComparison.Ordinal);
        Assert.Contains("class=\"hit hit-region\"", regions, StringComparison.Ordinal);

        var years = await client.PageAsync(Url("クラスター", "&type=region&fyFrom=2012&fyTo=H25"));
        Assert.True(Hits(years) < Hits(regions), $"{Hits(years)} < {Hits(regions)}");

        var field = await client.PageAsync(Url("地域", "&field=" + Uri.EscapeDataString("ライフサイエンス")));
        Assert.DoesNotContain("class=\"hit hit-programme\"", field, StringComparison.Ordinal);

        static int Hits(string html) => System.Text.RegularExpressions.Regex.Count(html, "class=\"hit hit-");
    }

    [Fact]
    public async Task Results_CanBeDownloadedAsCsvUnderTheSameQuery()
    {
        using var response = await client.GetAsync(new Uri(Url("創薬", "&format=csv&table=results"), UriKind.Relative));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("名称,", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("創薬", text, StringComparison.Ordinal);
    }
}
