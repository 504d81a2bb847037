using ClusterAtlas.Data;
using ClusterAtlas.Organisations;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Search;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Search;

/// <summary>
/// Which matches hold the terms in their title (SearchQuery.FirstMatchesAsync: title FTS5 tables on SQLite, the row's
/// normalised title on PostgreSQL), the portal's title-first order, and the upgrade of an index written without titles.
/// </summary>
public sealed class SearchTitleMatchTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create();

    public async Task InitializeAsync()
    {
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        db.Organisations.AddRange(
            new Organisation { Code = "t1", NameJa = "創薬研究センター", NameEn = "Drug Discovery Centre", Kind = "company", CountryCode = "JP" },
            new Organisation { Code = "t2", NameJa = "北海道バイオ", Kind = "company", Note = "創薬支援とナノテク", CountryCode = "JP" },
            new Organisation { Code = "t3", NameJa = "ナノテク創薬", Kind = "company", CountryCode = "JP" },
            new Organisation { Code = "t4", NameJa = "ＬＳＩ設計", NameEn = "Sendai LSI", Kind = "company", Note = "MEMS 創薬", CountryCode = "JP" },
            new Organisation { Code = "t5", NameJa = "薬品卸", Kind = "company", Note = "髙橋", CountryCode = "JP" });
        await db.SaveChangesAsync();
        await SearchIndexer.RebuildAsync(db, CancellationToken.None);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("創薬", "t1,t2,t3,t4", "t1,t3")]
    [InlineData("ナノテク", "t2,t3", "t3")]
    [InlineData("ナノテク 創薬", "t2,t3", "t3")]
    [InlineData("sendai", "t4", "t4")]
    [InlineData("ｓｅｎｄａｉ lsi", "t4", "t4")]
    [InlineData("mems", "t4", "")]
    [InlineData("discovery centre", "t1", "t1")]
    [InlineData("薬", "t1,t2,t3,t4,t5", "t1,t3,t5")]
    [InlineData("卸 薬", "t5", "t5")]
    [InlineData("高橋", "t5", "")]
    [InlineData("創薬 mems", "t4", "")]
    public async Task FirstMatches_TellTitleMatchesByTheSameRules(string query, string expected, string expectedTitles)
    {
        await using var db = database.NewContext();

        var (ids, titles) = await new SearchQuery(db).FirstMatchesAsync(query, 100, CancellationToken.None);

        Assert.Equal(expected.Split(','), await CodesAsync(db, ids));
        Assert.Equal(expectedTitles.Split(',', StringSplitOptions.RemoveEmptyEntries), await CodesAsync(db, titles));
    }

    [Fact]
    public async Task FirstMatches_TitleMatchesAreAmongTheFirstMatchesOnly()
    {
        await using var db = database.NewContext();

        var (ids, titles) = await new SearchQuery(db).FirstMatchesAsync("創薬", 2, CancellationToken.None);

        Assert.Equal(2, ids.Count);
        Assert.Subset(ids.ToHashSet(), titles);
        // Each of the two is a title match exactly when its title holds 創薬.
        var firstTwo = await CodesAsync(db, ids);
        var expected = await db.Organisations.Where(o => firstTwo.Contains(o.Code) && o.NameJa.Contains("創薬")).Select(o => o.Code).OrderBy(c => c).ToListAsync();
        Assert.Equal(expected, await CodesAsync(db, titles));
    }

    [Fact]
    public async Task FirstMatches_TitleRuns_PerRange_CompleteWhenShorterThanAsked()
    {
        await using var db = database.NewContext();
        List<(int First, int Last)> ranges = [SearchEntryIds.Range(SearchTypes.Region), SearchEntryIds.Range(SearchTypes.Organisation), SearchEntryIds.Range(SearchTypes.Project)];

        var all = await new SearchQuery(db).FirstMatchesAsync("創薬", 100, ranges, 5, CancellationToken.None);
        var one = await new SearchQuery(db).FirstMatchesAsync("創薬", 100, ranges, 1, CancellationToken.None);

        // Ranges without a match (regions, projects) hold no title match and say so; on SQLite the organisations' run is
        // cut at the number asked for and then cannot tell whether more follow (PostgreSQL flags every match's title).
        Assert.Equal([true, true, true], all.Titles.Select(r => r.Complete));
        Assert.Equal([0, 2, 0], all.Titles.Select(r => r.Ids.Count));
        Assert.Equal(["t1", "t3"], await CodesAsync(db, all.Titles[1].Ids));
        Assert.Equal([true, TestDatabase.IsPostgres, true], one.Titles.Select(r => r.Complete));
        Assert.Equal(TestDatabase.IsPostgres ? ["t1", "t3"] : ["t1"], await CodesAsync(db, one.Titles[1].Ids));
        Assert.Equal(all.Ids.Order(), all.Ids);
    }

    [Fact]
    public async Task PortalSearch_ListsTitleMatchesFirstThenTheRestInRegistryOrder()
    {
        await using var db = database.NewContext();
        using var version = new DataVersion(database.Options, TimeProvider.System, TimeSpan.Zero);
        var search = new FacetedSearch(db, new FacetFactsCache(database.Options, version));

        var result = await search.SearchAsync("創薬", SearchFilters.None, 0, 20, CancellationToken.None);

        Assert.Equal(["t1", "t3", "t2", "t4"], result.Items.Select(h => h.Code));
        Assert.Equal(["創薬研究センター", "ナノテク創薬", "北海道バイオ", "ＬＳＩ設計"], result.Items.Select(h => h.Title));
        Assert.Equal("Drug Discovery Centre", result.Items[0].TitleEn);
        // Title matches need no excerpt; the others show where the term is.
        Assert.Null(result.Items[0].Excerpt);
        Assert.Contains("創薬", result.Items[2].Excerpt);
        Assert.Equal(4, result.Total);

        var second = await search.SearchAsync("創薬", SearchFilters.None, 2, 1, CancellationToken.None);
        Assert.Equal("t2", Assert.Single(second.Items).Code);
    }

    [Fact]
    public async Task PortalSearch_AnyPage_IsTheSliceOfTheWholeListing()
    {
        await using (var db = database.NewContext())
        {
            // Title matches and others among regions, projects and organisations (listed in that order; the projects'
            // band comes last among the ids), and a region that matches outside its title.
            var r1 = new Region { Code = "r1", NameJa = "創薬特区", NameEn = "Drug Discovery Zone" };
            var r2 = new Region { Code = "r2", NameJa = "北陸", NameEn = "Hokuriku", Aliases = [new RegionAlias { Name = "創薬北陸", NormalizedName = "創薬北陸" }] };
            var programme = new Programme { Code = "p", NameJa = "事業", NameEn = "Programme", Kind = ProgrammeKind.Programme };
            db.AddRange(r1, r2, programme);
            await db.SaveChangesAsync();
            db.Participations.AddRange(
                new Participation { RegionId = r2.Id, ProgrammeId = programme.Id, StartFiscalYear = 2002, TermText = "H14", Theme = "分子イメージング", ClusterName = "北陸創薬" },
                new Participation { RegionId = r1.Id, ProgrammeId = programme.Id, StartFiscalYear = 2003, TermText = "H15", Theme = "創薬基盤", ClusterName = "関西バイオ" });
            await db.SaveChangesAsync();
            await SearchIndexer.RebuildAsync(db, CancellationToken.None);
        }
        await using var context = database.NewContext();
        using var version = new DataVersion(database.Options, TimeProvider.System, TimeSpan.Zero);
        var search = new FacetedSearch(context, new FacetFactsCache(database.Options, version));

        var whole = await search.SearchAsync("創薬", SearchFilters.None, 0, 100, CancellationToken.None);

        Assert.Equal(["r1", "北陸創薬", "t1", "t3", "r2", "関西バイオ", "t2", "t4"], whole.Items.Select(h => (h.Type == SearchTypes.Project ? h.Title : h.Code)));
        for (var offset = 0; offset < whole.Items.Count; offset++)
        {
            for (var limit = 1; limit <= 3; limit++)
            {
                var page = await search.SearchAsync("創薬", SearchFilters.None, offset, limit, CancellationToken.None);
                Assert.Equal(whole.Items.Skip(offset).Take(limit).Select(h => (h.Code, h.Title, h.Excerpt)), page.Items.Select(h => (h.Code, h.Title, h.Excerpt)));
                Assert.Equal(whole.Total, page.Total);
            }
        }
        // A filter that leaves out the first title matches read (the region) makes the page reach past them.
        var organisations = new SearchFilters([SearchTypes.Organisation], [], null, null, [], [], []);
        var filtered = await search.SearchAsync("創薬", organisations, 0, 1, CancellationToken.None);
        Assert.Equal("t1", Assert.Single(filtered.Items).Code);
        Assert.Equal(4, filtered.Total);
    }

    [Fact]
    public async Task Upgrade_AnIndexWrittenWithoutTitles_IsRebuiltAndRanksTitlesAgain()
    {
        await using (var db = database.NewContext())
        {
            Assert.False(await SearchIndexUpgrade.NeededAsync(db, CancellationToken.None));
            // As migration SearchTitles leaves the entries an older version wrote.
            await db.SearchEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.TitleNormalized, (string?)null).SetProperty(e => e.TitleBigrams, (string?)null));
            Assert.True(await SearchIndexUpgrade.NeededAsync(db, CancellationToken.None));
            var (ids, titles) = await new SearchQuery(db).FirstMatchesAsync("創薬", 100, CancellationToken.None);
            Assert.Equal(4, ids.Count);
            Assert.Empty(titles);

            await SearchIndexer.RebuildAsync(db, CancellationToken.None);
        }
        await using (var db = database.NewContext())
        {
            Assert.False(await SearchIndexUpgrade.NeededAsync(db, CancellationToken.None));
            var (_, titles) = await new SearchQuery(db).FirstMatchesAsync("創薬", 100, CancellationToken.None);
            Assert.Equal(["t1", "t3"], await CodesAsync(db, titles));
        }
    }

    private static async Task<List<string>> CodesAsync(AtlasDbContext db, IEnumerable<int> entryIds)
    {
        var recordIds = new List<int>();
        foreach (var id in entryIds)
        {
            Assert.True(SearchEntryIds.TryDecode(id, out var type, out var record));
            Assert.Equal(SearchTypes.Organisation, type);
            recordIds.Add(record);
        }
        return await db.Organisations.Where(o => recordIds.Contains(o.Id)).Select(o => o.Code).OrderBy(c => c).ToListAsync();
    }
}
