using ClusterAtlas.Tests.Api;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Reconciliation;

[Collection(SeededApiFixture.Name)]
public sealed class QualityApiTests(AtlasFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Quality_CuratedDataset_ReportsDerivedInconsistentAndUndeterminedCells()
    {
        var report = await client.GetJsonAsync("/api/v1/quality");

        Assert.Equal(2, report["summary"]!["inconsistencies"]!.GetValue<int>());
        var nibio = report["derived"]!.AsArray().Single(c => c!["measure"]!.GetValue<string>() == "mhlw-nibio")!;
        Assert.Equal(11443m, nibio["valueUsed"]!.GetValue<decimal>());
        Assert.Equal("医薬基盤研究所 H18 = 34,250 − 11,474 − 11,333 = 11,443 (row total)", nibio["equation"]!.GetValue<string>());
        Assert.Equal("平成18年度", nibio["fiscalYear"]!["ja"]!.GetValue<string>());
        var kc = report["inconsistencies"]!.AsArray().Single(i => i!["relation"]!.GetValue<string>() == "row 知的クラスター創成事業")!;
        Assert.Equal(["city-area", "kc"], kc["hypotheses"]![0]!["measures"].Strings());
        var open = report["undetermined"]!.AsArray().Select(c => (c!["measure"]!.GetValue<string>(), c["range"]!["text"]!.GetValue<string>())).ToList();
        Assert.Contains(("city-area", "0–4,510"), open);
        Assert.Equal(80, report["cells"]!.AsArray().Count);
    }

    [Fact]
    public async Task Quality_OneTable_AndUnknownTableIsProblemDetails()
    {
        var one = await client.GetJsonAsync("/api/v1/quality?table=cstp-cluster");
        Assert.Equal("cstp-cluster", one["tables"]![0]!["code"]!.GetValue<string>());

        var (status, body, contentType) = await client.GetRawAsync("/api/v1/quality?table=nope");
        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains("nope", body!["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_IsDescribedInOpenApiWithBothOutcomes()
    {
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        var get = doc["paths"]!["/api/v1/quality"]!["get"]!;
        Assert.Equal("GetQuality", get["operationId"]!.GetValue<string>());
        var responses = get["responses"]!.AsObject().Select(r => r.Key).ToList();
        Assert.Contains("200", responses);
        Assert.Contains("404", responses);
    }
}
