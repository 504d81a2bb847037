using ClusterAtlas.Organisations;
using ClusterAtlas.Search;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Search;

/// <summary>Search rules on the real engine of the lane (FTS5 on SQLite, pg_trgm and GIN on PostgreSQL).</summary>
public sealed class SearchQueryTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create();

    public async Task InitializeAsync()
    {
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        db.Organisations.AddRange(
            new Organisation { Code = "a", NameJa = "髙橋渡邊創薬研究所", Kind = "company", CountryCode = "JP" },
            new Organisation { Code = "b", NameJa = "ＬＳＩ設計センター", NameEn = "LSI Design Centre", Kind = "company", CountryCode = "JP" },
            new Organisation { Code = "c", NameJa = "齋藤医療機器", Kind = "company", CountryCode = "JP" },
            new Organisation { Code = "d", NameJa = "薬品卸", Kind = "company", CountryCode = "JP" },
            new Organisation { Code = "e", NameJa = "100% \"quoted\" _under_", Kind = "other", CountryCode = "JP" });
        await db.SaveChangesAsync();
        await SearchIndexer.RebuildAsync(db, CancellationToken.None);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("創薬", "a")]
    [InlineData("高橋", "a")]
    [InlineData("渡辺", "a")]
    [InlineData("渡邉", "a")]
    [InlineData("斎藤", "c")]
    [InlineData("lsi", "b")]
    [InlineData("LSI設計", "b")]
    [InlineData("ｌｓｉ", "b")]
    [InlineData("医療", "c")]
    [InlineData("設計センター", "b")]
    [InlineData("髙橋 医療", "")]
    [InlineData("研究所 創薬", "a")]
    [InlineData("医療 機器", "c")]
    [InlineData("設計 lsi", "b")]
    [InlineData("創薬 研究所 薬", "a")]
    [InlineData("薬品 卸", "d")]
    [InlineData("薬 卸", "d")]
    [InlineData("薬 医療", "")]
    [InlineData("センター 研究所", "")]
    [InlineData("渡辺 創薬 研究所 高橋", "a")]
    public async Task Matching_FindsExactlyTheExpectedOrganisations(string query, string expectedCodes)
    {
        await using var db = database.NewContext();
        var ids = await new SearchQuery(db).Matching(query).Where(e => e.EntityType == SearchTypes.Organisation).Select(e => e.EntityId).ToListAsync();
        var codes = await db.Organisations.Where(o => ids.Contains(o.Id)).Select(o => o.Code).OrderBy(c => c).ToListAsync();
        Assert.Equal(expectedCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), codes);
        // The same records from the entries' ids alone (the kind's id band), composed into the organisations' query.
        var recordIds = new SearchQuery(db).RecordIds(query, SearchTypes.Organisation);
        Assert.Equal(codes, await db.Organisations.Where(o => recordIds.Contains(o.Id)).Select(o => o.Code).OrderBy(c => c).ToListAsync());
    }

    [Theory]
    [InlineData("薬", "a,d")]
    [InlineData("100%", "e")]
    [InlineData("\"quoted\"", "e")]
    [InlineData("_under_", "e")]
    [InlineData("%", "e")]
    [InlineData("' OR 1=1 --", "")]
    [InlineData("\"); DROP TABLE \"Regions\"; --", "")]
    public async Task Matching_OneCharacterAndSpecialCharacters_AreSafeAndLiteral(string query, string expectedCodes)
    {
        await using var db = database.NewContext();
        var ids = await new SearchQuery(db).Matching(query).Where(e => e.EntityType == SearchTypes.Organisation).Select(e => e.EntityId).ToListAsync();
        var codes = await db.Organisations.Where(o => ids.Contains(o.Id)).Select(o => o.Code).OrderBy(c => c).ToListAsync();
        Assert.Equal(expectedCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), codes);
        // The same records from the entries' ids alone (the kind's id band), composed into the organisations' query.
        var recordIds = new SearchQuery(db).RecordIds(query, SearchTypes.Organisation);
        Assert.Equal(codes, await db.Organisations.Where(o => recordIds.Contains(o.Id)).Select(o => o.Code).OrderBy(c => c).ToListAsync());
        Assert.Equal(5, await db.Organisations.CountAsync());
    }
}
