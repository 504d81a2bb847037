using System.Text.Json.Nodes;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Api;

/// <summary>
/// /api/v1/budgets and the budgets of /api/v1/measures/{id}: each cell with its printed text, the value used, its status
/// after reconciliation, an explanation and its citations. Expected values come from the printed cells themselves (or
/// from /api/v1/quality), never typed in from the engine's output.
/// </summary>
[Collection(SeededApiFixture.Name)]
public sealed class BudgetsApiTests(AtlasFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<List<JsonNode>> BudgetsAsync(params (string Key, string Value)[] query) =>
        [.. (await client.GetJsonAsync(ApiClient.Url("/api/v1/budgets", query))).AsArray().Select(n => n!)];

    private static JsonNode Cell(IEnumerable<JsonNode> cells, string measure, int? year) =>
        Assert.Single(cells, c => c["measure"]!.GetValue<string>() == measure && c["fiscalYear"]?["year"]?.GetValue<int>() == year);

    private static decimal? Amount(JsonNode cell) => cell["amountMillionYen"]?.GetValue<decimal>();

    [Fact]
    public async Task Nibio_H18_IsDerivedFromItsPrintedRowTotal_AndKeepsItsBlankPublishedText()
    {
        var row = await BudgetsAsync(("measure", "mhlw-nibio"));
        var h18 = Cell(row, "mhlw-nibio", 2006);
        // 34,250 − 11,474 − 11,333: the printed row total minus the printed years (decoding/004.md §3.3).
        var expected = Amount(Cell(row, "mhlw-nibio", null))!.Value - Amount(Cell(row, "mhlw-nibio", 2005))!.Value - Amount(Cell(row, "mhlw-nibio", 2007))!.Value;

        Assert.Equal(11443m, expected);
        Assert.Equal("derived", h18["status"]!.GetValue<string>());
        Assert.Equal("blank", h18["storedStatus"]!.GetValue<string>());
        Assert.Equal(expected, h18["valueUsed"]!.GetValue<decimal>());
        Assert.Equal("", h18["publishedText"]!.GetValue<string>());
        Assert.Null(h18["amountMillionYen"]); // the stored cell is never filled in
        var equation = h18["equation"]!.GetValue<string>();
        Assert.EndsWith("= 11,443 (row total)", equation, StringComparison.Ordinal);
        Assert.StartsWith(equation, h18["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("医薬基盤研究所 H18", h18["label"]!.GetValue<string>());
        Assert.Equal("mhlw", h18["ministry"]!.GetValue<string>());
        Assert.Equal("/api/v1/sources/004_b4cc0d8724befa58#L23", h18["citations"]![0]!["link"]!.GetValue<string>());
    }

    [Fact]
    public async Task KnowledgeClusterTotal_IsInconsistent_WithTheNeighbouringRowHypothesis()
    {
        var cells = await BudgetsAsync(("ministry", "mext"));
        var total = Cell(cells, "kc", null);
        var years = cells.Where(c => c["measure"]!.GetValue<string>() == "kc" && c["fiscalYear"] is not null).Sum(c => Amount(c)!.Value);
        var cityAreaTotal = Amount(Cell(cells, "city-area", null))!.Value;

        Assert.Equal("inconsistent", total["status"]!.GetValue<string>());
        Assert.Equal("published", total["storedStatus"]!.GetValue<string>());
        Assert.Equal(Amount(total), total["valueUsed"]!.GetValue<decimal>()); // published values are never overwritten
        // The gap between the printed total and its years is exactly the neighbouring 都市エリア row's printed total.
        Assert.Equal(Amount(total)!.Value - years, cityAreaTotal);
        var row = Assert.Single(total["inconsistencies"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "row")!;
        var hypothesis = row["hypotheses"]![0]!;
        Assert.Equal("includes-neighbouring-row", hypothesis["kind"]!.GetValue<string>());
        Assert.Equal(cityAreaTotal, hypothesis["amount"]!.GetValue<decimal>());
        Assert.Contains("city-area", hypothesis["measures"].Strings());
        Assert.Contains(hypothesis["text"]!.GetValue<string>(), total["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("都市エリア産学官連携促進事業", total["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCell_AgreesWithTheQualityReport()
    {
        var cells = await BudgetsAsync();
        var report = (await client.GetJsonAsync("/api/v1/quality"))["cells"]!.AsArray().ToDictionary(c => c!["budgetLineId"]!.GetValue<int>());

        Assert.Equal(report.Count, cells.Count);
        Assert.All(cells, c =>
        {
            var verdict = report[c["id"]!.GetValue<int>()]!;
            Assert.Equal(verdict["status"]!.GetValue<string>(), c["status"]!.GetValue<string>());
            Assert.Equal(verdict["valueUsed"]?.GetValue<decimal>(), c["valueUsed"]?.GetValue<decimal>());
            Assert.Equal(verdict["storedStatus"]!.GetValue<string>(), c["storedStatus"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(c["explanation"]!.GetValue<string>()));
            Assert.NotEmpty(c["citations"]!.AsArray());
        });
        // An undetermined cell has no value but a range; it is never shown as 0.
        Assert.All(cells.Where(c => c["status"]!.GetValue<string>() == "undetermined"), c =>
        {
            Assert.Null(c["valueUsed"]);
            var range = c["range"]!;
            Assert.StartsWith("range " + range["text"]!.GetValue<string>(), c["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Filters_ByMinistryFiscalYearInJapaneseAndStatus()
    {
        var mext19 = await BudgetsAsync(("ministry", "mext"), ("fiscalYear", "平成19年度"));
        Assert.NotEmpty(mext19);
        Assert.All(mext19, c =>
        {
            Assert.Equal("mext", c["ministry"]!.GetValue<string>());
            Assert.Equal(2007, c["fiscalYear"]!["year"]!.GetValue<int>());
        });
        Assert.Equal("undetermined", Cell(mext19, "city-area", 2007)["status"]!.GetValue<string>());

        var derived = await BudgetsAsync(("status", "derived"));
        Assert.Contains(derived, c => c["measure"]!.GetValue<string>() == "mhlw-nibio");
        Assert.All(derived, c => Assert.Equal("derived", c["status"]!.GetValue<string>()));
        // "blank" asks for what the source leaves blank, whatever the totals then say about it.
        var blanks = await BudgetsAsync(("status", "blank"));
        Assert.Equal((await BudgetsAsync()).Count(c => c["publishedText"]!.GetValue<string>() == ""), blanks.Count);
        Assert.Single(await BudgetsAsync(("status", "nodata")));

        var (status, body, _) = await client.GetRawAsync("/api/v1/budgets?status=derivd");
        Assert.Equal(400, status);
        Assert.Contains("undetermined", body!["errors"]!["status"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureDetail_CarriesTheSameEnrichedCells()
    {
        var measure = await client.GetJsonAsync("/api/v1/measures/mhlw-nibio");
        var fromMeasure = Cell(measure["budgets"]!.AsArray().Select(n => n!), "mhlw-nibio", 2006);
        var fromBudgets = Cell(await BudgetsAsync(("measure", "mhlw-nibio")), "mhlw-nibio", 2006);
        Assert.Equal(fromBudgets.ToJsonString(), fromMeasure.ToJsonString());
    }

    [Fact]
    public async Task OpenApi_DescribesTheNewBudgetFields()
    {
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        var get = doc["paths"]!["/api/v1/budgets"]!["get"]!;
        Assert.Contains("value used", get["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var properties = doc["components"]!["schemas"]!["BudgetDto"]!["properties"]!.AsObject();
        foreach (var name in new[] { "publishedText", "valueUsed", "status", "storedStatus", "explanation", "equation", "range", "inconsistencies", "citations" })
        {
            Assert.True(properties.ContainsKey(name), $"BudgetDto has no {name}");
        }
        // A nullable reference (range) carries its description inside oneOf.
        static string? Description(JsonNode p) => p["description"]?.GetValue<string>()
            ?? p["oneOf"]?.AsArray().Select(o => o!["description"]?.GetValue<string>()).FirstOrDefault(d => d is not null);
        foreach (var name in new[] { "valueUsed", "status", "storedStatus", "explanation", "equation", "range", "inconsistencies" })
        {
            Assert.False(string.IsNullOrWhiteSpace(Description(properties[name]!)), $"{name} has no description");
        }
    }
}
