using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClusterAtlas.Tests.Api;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Pages;

/// <summary>/budgets and /quality: every figure with its status (text, not colour alone), in Japanese and English, downloadable.</summary>
[Collection(SeededApiFixture.Name)]
public sealed class BudgetPagesTests(AtlasFactory factory)
{
    private readonly HttpClient client = PortalClient.Create(factory);

    private async Task<List<JsonNode>> BudgetsAsync() => [.. (await client.GetJsonAsync("/api/v1/budgets")).AsArray().Select(n => n!)];

    private static JsonNode Cell(IEnumerable<JsonNode> cells, string measure, int? year) =>
        Assert.Single(cells, c => c["measure"]!.GetValue<string>() == measure && c["fiscalYear"]?["year"]?.GetValue<int>() == year);

    /// <summary>The HTML of one table row, by its id.</summary>
    private static string Row(string html, string id)
    {
        var start = html.IndexOf($"<tr id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row {id}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    /// <summary>A figure as the page prints it: 11,443.</summary>
    private static string N(decimal value) => value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Csv(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');

    [Theory]
    [InlineData("", "施策別・年度別の予算", "文部科学省", "府省名の記載なし", "導出", "未確定")]
    [InlineData("?lang=en", "Budgets by measure and fiscal year", "MEXT", "Ministry not printed", "derived", "undetermined")]
    public async Task BudgetsPage_GroupsMeasuresByMinistry_AndMarksEveryFigureThatIsNotPublished(
        string lang, string title, string mext, string noMinistry, string derivedWord, string openWord)
    {
        var html = await client.PageAsync("/budgets" + lang);
        var cells = await BudgetsAsync();
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Matches($"<th scope=\"rowgroup\" colspan=\"5\">\\s*<a href=\"/ministries/mext\">{mext}</a>", html);
        Assert.Contains(noMinistry, html, StringComparison.Ordinal);

        // 医薬基盤研究所 H18: the derived value, marked in words, linked to its reasoning, the explanation as tooltip.
        var nibio = Cell(cells, "mhlw-nibio", 2006);
        var row = Row(html, "row-mhlw-nibio");
        Assert.Contains("<a href=\"/programmes/mhlw-nibio\">", row, StringComparison.Ordinal);
        Assert.Contains($">{N(nibio["valueUsed"]!.GetValue<decimal>())}</span>", row, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"status-badge status-derived\" href=\"/quality#cell-{nibio["id"]}\"", row, StringComparison.Ordinal);
        Assert.Contains($">{derivedWord}</a>", row, StringComparison.Ordinal);
        Assert.Contains(nibio["equation"]!.GetValue<string>(), WebUtility.HtmlDecode(row), StringComparison.Ordinal);

        // Undetermined cells stay blank (no number, never 0) and show their range.
        var maff = Row(html, "row-maff-advanced-tech-research");
        var open = Cell(cells, "maff-advanced-tech-research", 2006);
        Assert.Contains($"<td class=\"num budget-figure status-undetermined\"", maff, StringComparison.Ordinal);
        Assert.Contains($">{openWord}</a>", maff, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"range\">{N(open["range"]!["min"]!.GetValue<decimal>())}–{N(open["range"]!["max"]!.GetValue<decimal>())}</span>", maff, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"value\"", Regex.Match(maff, "status-undetermined\".*?</td>", RegexOptions.Singleline).Value, StringComparison.Ordinal);

        // The 計 row, with the inconsistent grand total marked.
        var totals = Row(html, "row-cstp-cluster");
        Assert.Contains("status-badge status-inconsistent", totals, StringComparison.Ordinal);
        Assert.Contains($">{N(Cell(cells, "cstp-cluster", 2005)["valueUsed"]!.GetValue<decimal>())}</span>", totals, StringComparison.Ordinal);
        Assert.Contains("href=\"/sources/004_b4cc0d8724befa58#L11\"", totals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BudgetsPage_ChartsStackKnownFigures_AndTheRemainderOfThePrintedTotal()
    {
        var html = await client.PageAsync("/budgets");
        var cells = await BudgetsAsync();
        Assert.Contains("data-widget=\"chart\" data-for=\"chart-by-ministry-cstp-cluster-data\"", html, StringComparison.Ordinal);
        var byYear = JsonNode.Parse(Regex.Match(html, "<script type=\"application/json\" id=\"chart-by-year-cstp-cluster-data\">(.*?)</script>").Groups[1].Value)!;
        Assert.Equal("stacked-bar", byYear["type"]!.GetValue<string>());

        // FY2006: what the printed column total leaves after every figure with a value = the undetermined cells together.
        var body = cells.Where(c => c["table"]!.GetValue<string>() == "cstp-cluster" && !c["isColumnTotal"]!.GetValue<bool>() && c["fiscalYear"]?["year"]?.GetValue<int>() == 2006).ToList();
        var known = body.Where(c => c["valueUsed"] is not null).Sum(c => c["valueUsed"]!.GetValue<decimal>());
        var expected = Cell(cells, "cstp-cluster", 2006)["valueUsed"]!.GetValue<decimal>() - known;
        var remainder = byYear["series"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "未確定セルの合計 (計 − 確定値)")!;
        Assert.Equal(expected, remainder["data"]![1]!.GetValue<decimal>());
        Assert.Null(remainder["data"]![0]); // no undetermined cell in FY2005: nothing to show, not 0
    }

    [Fact]
    public async Task BudgetsPage_ShowsTheSourcesFootnotesAndRemarks()
    {
        var html = await client.PageAsync("/budgets");
        Assert.Contains("<a class=\"footnote-ref\" href=\"#notes-cstp-cluster\">", html, StringComparison.Ordinal);
        Assert.Contains("脚注記号「*」", html, StringComparison.Ordinal);
        Assert.Contains("※H19年度は地域科学技術クラスター施策", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/sources/004_b4cc0d8724befa58#L34\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BudgetsDownloads_HaveAValueAndAStatusColumnPerYear()
    {
        var csv = Csv(await client.GetByteArrayAsync(new Uri("/budgets?format=csv&table=budgets-cstp-cluster", UriKind.Relative)));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("府省,施策,平成17年度,平成17年度 の状態,平成18年度,平成18年度 の状態,平成19年度,平成19年度 の状態,計,計 の状態,出典 / sources", lines[0]);
        Assert.Equal(21, lines.Length); // 19 measures + the 計 row + the header
        Assert.Contains(lines, l => l.StartsWith("厚生労働省,医薬基盤研究所,11474,公表,11443,導出,11333,公表,34250,公表,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("農林水産省,先端技術を活用した農林水産研究高度化事業,3846,公表,\"\",未確定,\"\",未確定,13938,公表,", StringComparison.Ordinal));

        var json = await client.GetStringAsync(new Uri("/budgets?format=json&table=budgets-cstp-cluster", UriKind.Relative));
        Assert.Equal((await BudgetsAsync()).Count, JsonDocument.Parse(json).RootElement.GetArrayLength());
        using var xlsx = await client.GetAsync(new Uri("/budgets?format=xlsx&table=sums-cstp-cluster&lang=en", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var page = await client.PageAsync("/budgets");
        Assert.Contains("href=\"/budgets?format=csv&amp;table=budgets-cstp-cluster\" download>CSV</a>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "データ品質: 予算表の照合", "出典では空欄ですが、印刷された合計から一つに決まる値です。", "範囲")]
    [InlineData("?lang=en", "Data quality: checking the budget tables", "Blank in the source, but the printed totals allow only one value", "Range")]
    public async Task QualityPage_ShowsTheSameReportAsTheApi(string lang, string title, string derivedMeaning, string rangeWord)
    {
        var html = await client.PageAsync("/quality" + lang);
        var report = await client.GetJsonAsync("/api/v1/quality");
        var text = WebUtility.HtmlDecode(html); // Razor writes + as &#x2B;
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(derivedMeaning, html, StringComparison.Ordinal);

        var cells = report["cells"]!.AsArray().Select(c => c!).ToList();
        Assert.All(cells, c => Assert.Contains($"<tr id=\"cell-{c["budgetLineId"]}\" class=\"status-{c["status"]}\">", html, StringComparison.Ordinal));
        foreach (var d in report["derived"]!.AsArray())
        {
            Assert.Contains(d!["equation"]!.GetValue<string>(), text, StringComparison.Ordinal);
        }
        foreach (var u in report["undetermined"]!.AsArray())
        {
            Assert.Contains($"{rangeWord}: {u!["range"]!["text"]!.GetValue<string>()}", text, StringComparison.Ordinal);
        }
        foreach (var h in report["inconsistencies"]!.AsArray().SelectMany(i => i!["hypotheses"]!.AsArray()))
        {
            Assert.Contains(h!["text"]!.GetValue<string>(), text, StringComparison.Ordinal);
        }
        // Each cell links to the line of the source that prints it.
        var nibio = cells.Single(c => c["measure"]!.GetValue<string>() == "mhlw-nibio" && c["fiscalYear"]?["year"]?.GetValue<int>() == 2006);
        Assert.Contains("href=\"/sources/004_b4cc0d8724befa58#L23\"", Row(html, $"cell-{nibio["budgetLineId"]}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QualityDownloads_OneRowPerCellAndPerInconsistency()
    {
        var report = await client.GetJsonAsync("/api/v1/quality");
        var cells = Csv(await client.GetByteArrayAsync(new Uri("/quality?format=csv&table=cells-cstp-cluster", UriKind.Relative)));
        Assert.Equal(report["cells"]!.AsArray().Count + 1, cells.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var inconsistencies = Csv(await client.GetByteArrayAsync(new Uri("/quality?format=csv&table=inconsistencies-cstp-cluster&lang=en", UriKind.Relative)));
        var lines = inconsistencies.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("#,Relation,Equation,Difference (total − sum),Hypothesis,Cell", lines[0], StringComparison.Ordinal);
        Assert.Equal(report["inconsistencies"]!.AsArray().Count + 1, lines.Length);
        var json = await client.GetStringAsync(new Uri("/quality?format=json&table=cells-cstp-cluster", UriKind.Relative));
        Assert.Equal(report["cells"]!.AsArray().Count, JsonDocument.Parse(json).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task ProgrammePage_ShowsTheStatusOfEachBudgetCell()
    {
        var html = await client.PageAsync("/programmes/mhlw-nibio");
        var nibio = Cell(await BudgetsAsync(), "mhlw-nibio", 2006);
        Assert.Contains("<tr class=\"status-derived\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/quality#cell-{nibio["id"]}\" class=\"status-badge status-derived\">合計から導出</a>", html, StringComparison.Ordinal);
        Assert.Contains(nibio["equation"]!.GetValue<string>(), WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // The derived value is a chart series of its own, apart from the printed figures.
        Assert.Contains("{\"name\":\"合計から導出\",\"data\":[null,11443", html, StringComparison.Ordinal);

        var kc = await client.PageAsync("/programmes/kc?lang=en");
        Assert.Contains("<tr class=\"status-inconsistent\">", kc, StringComparison.Ordinal);
        Assert.Contains("includes the neighbouring row", kc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_LinksBothPages()
    {
        var html = await client.PageAsync("/regions");
        Assert.Contains("<a href=\"/budgets\">予算</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/quality\">データ品質</a>", html, StringComparison.Ordinal);
        var current = await client.PageAsync("/quality?lang=en");
        Assert.Contains("<a href=\"/quality\" aria-current=\"page\">Data quality</a>", current, StringComparison.Ordinal);
    }
}
