using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Search;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Search;

/// <summary>The region list's text filter with the projects' regions kept in memory, when those facts are behind the data.</summary>
public sealed class RegionTextFilterTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create();

    public async Task InitializeAsync()
    {
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        var programme = new Programme { Code = "p", NameJa = "事業", NameEn = "Programme", Kind = ProgrammeKind.Programme };
        db.AddRange(programme, new Region { Code = "r1", NameJa = "北陸", NameEn = "Hokuriku" }, new Region { Code = "r2", NameJa = "九州", NameEn = "Kyushu" });
        await db.SaveChangesAsync();
        db.Participations.Add(new Participation { RegionId = (await db.Regions.SingleAsync(r => r.Code == "r1")).Id, ProgrammeId = programme.Id, StartFiscalYear = 2002, TermText = "H14", Theme = "創薬基盤" });
        await db.SaveChangesAsync();
        await SearchIndexer.RebuildAsync(db, CancellationToken.None);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task ProjectAddedAfterTheFactsWereRead_ItsRegionIsFoundAllTheSame()
    {
        // Facts checked against the data once an hour: they keep the registry as first read.
        using var version = new DataVersion(database.Options, TimeProvider.System, TimeSpan.FromHours(1));
        var facts = new FacetFactsCache(database.Options, version);
        await facts.GetAsync(CancellationToken.None);
        await using (var db = database.NewContext())
        {
            var r2 = await db.Regions.SingleAsync(r => r.Code == "r2");
            db.Participations.Add(new Participation { RegionId = r2.Id, ProgrammeId = (await db.Programmes.SingleAsync()).Id, StartFiscalYear = 2005, TermText = "H17", Theme = "創薬支援" });
            await db.SaveChangesAsync();
            await SearchIndexer.RebuildAsync(db, CancellationToken.None);
        }
        await using var context = database.NewContext();

        var page = await new RegionQueries(context, facts).ListAsync(new RegionFilter("創薬", null, null, null, null), new PageRequest(50, 0, null), CancellationToken.None);

        Assert.Equal(["r1", "r2"], page.Items.Select(r => r.Code));
    }
}
