using ClusterAtlas.Data;
using ClusterAtlas.Programmes;
using ClusterAtlas.Reconciliation;
using ClusterAtlas.Regions;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Caching;

/// <summary>Whole-registry aggregates kept per data version (programme overview, region filter values, budget reconciliation): same answers, read again after a change.</summary>
public sealed class VersionedCacheTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create();

    public async Task InitializeAsync()
    {
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        var programme = new Programme { Code = "kc", NameJa = "知的クラスター", NameEn = "Knowledge Cluster", Kind = ProgrammeKind.Programme };
        var region = new Region { Code = "r1", NameJa = "北陸", NameEn = "Hokuriku" };
        db.AddRange(programme, region, new Region { Code = "r2", NameJa = "九州", NameEn = "Kyushu" });
        await db.SaveChangesAsync();
        db.Participations.Add(new Participation { RegionId = region.Id, ProgrammeId = programme.Id, StartFiscalYear = 2002, EndFiscalYear = 2003, TermText = "H14-15" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task ProgrammeOverviewAndRegionFacets_AreReadAgainWhenTheDataChange()
    {
        using var version = new DataVersion(database.Options, TimeProvider.System, TimeSpan.Zero);
        var overviews = new ProgrammeOverviewCache(database.Options, version);
        var facets = new RegionFacetsCache(database.Options, version);
        await using var db = database.NewContext();

        var before = await new ProgrammeOverview(db, overviews).ListAsync(CancellationToken.None);
        var again = await new ProgrammeOverview(db, overviews).ListAsync(CancellationToken.None);
        var beforeYears = (await new RegionFacets(db, facets).GetAsync(CancellationToken.None)).FiscalYears;
        Assert.Same(before, again);
        Assert.Equal(1, Assert.Single(before).Regions);
        Assert.Equal([2002, 2003], beforeYears);
        Assert.Equal((await new ProgrammeOverview(db).ListAsync(CancellationToken.None)).Select(p => p.ToString()), before.Select(p => p.ToString()));

        db.Participations.Add(new Participation
        {
            RegionId = (await db.Regions.SingleAsync(r => r.Code == "r2")).Id, ProgrammeId = (await db.Programmes.SingleAsync()).Id, StartFiscalYear = 2007, TermText = "H19",
        });
        await db.SaveChangesAsync();

        var after = Assert.Single(await new ProgrammeOverview(db, overviews).ListAsync(CancellationToken.None));
        Assert.Equal(2, after.Regions);
        Assert.Equal(2007, after.LastParticipation!.Year);
        Assert.Equal([2002, 2003, 2007], (await new RegionFacets(db, facets).GetAsync(CancellationToken.None)).FiscalYears);
    }

    [Fact]
    public async Task BudgetQuality_AllTables_IsWorkedOutOncePerDataVersion()
    {
        using var version = new DataVersion(database.Options, TimeProvider.System, TimeSpan.Zero);
        var reports = new BudgetQualityCache(database.Options, version);
        await using var db = database.NewContext();
        var programme = await db.Programmes.SingleAsync();
        db.BudgetLines.Add(new BudgetLine { ProgrammeId = programme.Id, FiscalYear = 2002, PublishedText = "1,200", AmountMillionYen = 1200, Status = BudgetStatus.Published });
        await db.SaveChangesAsync();

        var first = await new BudgetQuality(db, reports).RunAsync(null, CancellationToken.None);
        var again = await new BudgetQuality(db, reports).RunAsync(null, CancellationToken.None);
        Assert.Same(first, again);
        Assert.Equal(1, first!.Summary.Cells);
        var figures = await new BudgetFigures(db, reports).ListAsync(new BudgetFilter(null, null, null, null), CancellationToken.None);
        Assert.Equal("published", Assert.Single(figures).Status);

        db.BudgetLines.Add(new BudgetLine { ProgrammeId = programme.Id, FiscalYear = 2003, PublishedText = "900", AmountMillionYen = 900, Status = BudgetStatus.Published });
        await db.SaveChangesAsync();

        var after = await new BudgetQuality(db, reports).RunAsync(null, CancellationToken.None);
        Assert.Equal(2, after!.Summary.Cells);
        Assert.Equal(2, (await new BudgetFigures(db, reports).ListAsync(new BudgetFilter(null, null, null, null), CancellationToken.None)).Count);
    }
}
