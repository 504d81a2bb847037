using System.Globalization;
using ClusterAtlas.Organisations;
using ClusterAtlas.Regions;
using ClusterAtlas.Search;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Search;

/// <summary>PostgreSQL's search entries in id ranges (<see cref="SearchPartitions"/>): the layout, and a rebuild on the real engine.</summary>
public sealed class SearchPartitionsTests
{
    [Theory]
    [InlineData(1_733_715L, 27)]
    [InlineData(65_536L, 1)]
    [InlineData(65_537L, 2)]
    [InlineData(300L, 1)]
    [InlineData(0L, 1)]
    public void Ranges_AreContiguousRangesOfEqualSize_OpenAtBothEnds(long entries, int partitions)
    {
        var ranges = SearchPartitions.Ranges(entries);
        Assert.Equal(partitions, ranges.Count);
        Assert.Equal("MINVALUE", ranges[0].From);
        Assert.Equal("MAXVALUE", ranges[^1].To);
        for (var i = 1; i < ranges.Count; i++)
        {
            Assert.Equal(ranges[i - 1].To, ranges[i].From);
            Assert.Equal($"SearchEntries_{i}", ranges[i].Name);
            Assert.Equal(1 + (i * (long)SearchPartitions.EntriesPerPartition), long.Parse(ranges[i].From, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Rebuild_OnPostgres_RestartsIds_IndexesEveryPartition_AndFindsEditsInTheLast()
    {
        if (!TestDatabase.IsPostgres)
        {
            return; // Partitions are PostgreSQL's; the SQLite lane has FTS5 tables instead (SearchQueryTests covers both).
        }
        const int organisations = SearchPartitions.EntriesPerPartition + 4_000;
        await using var database = TestDatabase.Create();
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
            db.Regions.AddRange(Enumerable.Range(1, 3).Select(i => new Region { Code = $"r{i}", NameJa = $"創薬地域{i}", NameEn = $"Region {i}" }));
            await db.SaveChangesAsync();
            // One organisation in a thousand holds the term, so matches fall in both partitions.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Organisations" ("Code", "NameJa", "Kind", "CountryCode")
                SELECT 'o' || i, CASE WHEN i % 1000 = 0 THEN '創薬研究所' ELSE '研究所' END || i, 'company', 'JP' FROM generate_series(1, {organisations}) AS i
                """);
            await SearchIndexer.RebuildAsync(db, CancellationToken.None);
        }

        await using (var db = database.NewContext())
        {
            var partitions = await db.Database.SqlQueryRaw<string>("""
                SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) AS "Value" FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"SearchEntries"'::regclass ORDER BY c.relname
                """).ToListAsync();
            Assert.Equal(["SearchEntries_0 FOR VALUES FROM (MINVALUE) TO (65537)", "SearchEntries_1 FOR VALUES FROM (65537) TO (MAXVALUE)"], partitions);
            // Both GIN indexes, valid, on each partition (re-created "ON ONLY" the parent, they would cover none).
            var gin = await db.Database.SqlQueryRaw<int>("""
                SELECT count(*)::int AS "Value" FROM pg_index x JOIN pg_class ix ON ix.oid = x.indexrelid JOIN pg_am am ON am.oid = ix.relam
                JOIN pg_inherits i ON i.inhrelid = x.indrelid WHERE i.inhparent = '"SearchEntries"'::regclass AND am.amname = 'gin' AND x.indisvalid
                """).SingleAsync();
            Assert.Equal(4, gin);
            Assert.Equal(1, await db.SearchEntries.MinAsync(e => e.Id));
            Assert.Equal(organisations + 3, await db.SearchEntries.MaxAsync(e => e.Id));

            db.Organisations.Add(new Organisation { Code = "late", NameJa = "後から創薬", Kind = "company", CountryCode = "JP" });
            await db.SaveChangesAsync();
            var late = await db.Organisations.Where(o => o.Code == "late").Select(o => o.Id).SingleAsync();
            await SearchIndexer.ReindexAsync(db, new Dictionary<string, HashSet<int>> { [SearchTypes.Organisation] = [late] }, CancellationToken.None);
        }

        await using (var db = database.NewContext())
        {
            var hits = await new SearchQuery(db).Matching("創薬").OrderBy(e => e.Id).Select(e => new { e.Id, e.EntityType, e.EntityId }).ToListAsync();
            Assert.Equal(3 + (organisations / 1000) + 1, hits.Count);
            Assert.Equal(3, hits.Count(h => h.EntityType == SearchTypes.Region));
            Assert.Contains(hits, h => h.Id > SearchPartitions.EntriesPerPartition && h.EntityType == SearchTypes.Organisation);
            Assert.Equal(organisations + 4, hits[^1].Id);
            var firstPage = await new SearchQuery(db).Matching("創薬").OrderBy(e => e.Id).Take(20).Select(e => e.Id).ToListAsync();
            Assert.Equal(hits.Take(20).Select(h => h.Id), firstPage);
        }
    }
}
