using System.Text.Json.Nodes;
using ClusterAtlas.Cli;
using ClusterAtlas.Programmes;
using ClusterAtlas.Tests.Cli;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Reconciliation;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the session through IAsyncLifetime.DisposeAsync.")]
public sealed class CheckCommandTests : IAsyncLifetime
{
    private readonly CliSession cli = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task Check_CuratedDataset_PrintsDerivationsAndHypothesesAndExits4()
    {
        await cli.SeedAsync();

        var result = await cli.RunAsync("check");

        Assert.True(result.ExitCode == ExitCodes.InconsistentData, result.ToString());
        Assert.Contains("医薬基盤研究所 H18 = 34,250 − 11,474 − 11,333 = 11,443 (row total)", result.Out, StringComparison.Ordinal);
        Assert.Contains("#1 row 知的クラスター創成事業: 13,600 + 13,972 + 8,941 = 36,513 ≠ 41,023 (row total)", result.Out, StringComparison.Ordinal);
        Assert.Contains("includes the neighbouring row 都市エリア産学官連携促進事業 (4,510)", result.Out, StringComparison.Ordinal);
        Assert.Contains("先端技術を活用した農林水産研究高度化事業 H18: 362–4,872", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 inconsistencies", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckJson_CuratedDataset_IsTheReportAsJson()
    {
        await cli.SeedAsync();

        var result = await cli.RunAsync("check", "--format", "json");

        Assert.Equal(ExitCodes.InconsistentData, result.ExitCode);
        var json = JsonNode.Parse(result.Out)!;
        Assert.Equal(80, json["summary"]!["cells"]!.GetValue<int>());
        Assert.Equal("- (<u>*</u>)", json["noData"]![0]!["publishedText"]!.GetValue<string>());
        Assert.Equal("includes-neighbouring-row", json["inconsistencies"]![0]!["hypotheses"]![0]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Check_ConsistentTable_Exits0AndStillDerives()
    {
        var migrate = await cli.RunAsync("db", "migrate");
        Assert.Equal(ExitCodes.Ok, migrate.ExitCode);
        await using (var db = cli.NewContext())
        {
            var bundle = new Programme { Code = "bundle", NameJa = "施策群", NameEn = "Bundle", Kind = ProgrammeKind.Bundle };
            var a = new Programme { Code = "a", NameJa = "施策A", NameEn = "A", Kind = ProgrammeKind.Measure, Parent = bundle };
            var b = new Programme { Code = "b", NameJa = "施策B", NameEn = "B", Kind = ProgrammeKind.Measure, Parent = bundle };
            db.AddRange(bundle, a, b);
            db.BudgetLines.AddRange(
                Line(a, 2020, 100), Line(a, 2021, 200), Line(a, null, 300),
                Line(b, 2020, null), Line(b, 2021, 50), Line(b, null, 90),
                Line(bundle, 2020, 140), Line(bundle, 2021, 250), Line(bundle, null, 390));
            await db.SaveChangesAsync();
        }

        var result = await cli.RunAsync("check");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("施策B R2 = 90 − 50 = 40 (row total)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Every published relation holds", result.Out, StringComparison.Ordinal);
        await using var check = cli.NewContext();
        Assert.Null((await check.BudgetLines.SingleAsync(l => l.FiscalYear == 2020 && l.Programme!.Code == "b")).AmountMillionYen);
    }

    [Fact]
    public async Task Check_UnknownFormat_IsUsageError()
    {
        var result = await cli.RunAsync("check", "--format", "xml");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    private static BudgetLine Line(Programme p, int? fy, decimal? amount) => new()
    {
        Programme = p, FiscalYear = fy, AmountMillionYen = amount,
        PublishedText = amount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Status = amount is null ? BudgetStatus.Blank : BudgetStatus.Published,
    };
}
