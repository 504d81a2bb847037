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
    public static TheoryData<string, int> Layouts => new()
    {
        { "", 9 },
        { "organisation=65536", 9 },
        { "organisation=65537", 10 },
        { "region=3333 project=1000000 programme=332 organisation=200000 person=500000 event=10000 industrial-cluster=40 link=20000 survey=10", 34 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Ranges_CoverEveryBand_InRangesOfEqualSize_OpenAtBothEnds(string layout, int partitions)
    {
        var lastIds = layout.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var ranges = SearchPartitions.Ranges(lastIds);
        Assert.Equal(partitions, ranges.Count);
        Assert.Equal("MINVALUE", ranges[0].From);
        Assert.Equal("MAXVALUE", ranges[^1].To);
        for (var i = 1; i < ranges.Count; i++)
        {
            Assert.Equal(ranges[i - 1].To, ranges[i].From);
        }
        static long Bound(string value) => value switch { "MINVALUE" => long.MinValue, "MAXVALUE" => long.MaxValue, _ => long.Parse(value, CultureInfo.InvariantCulture) };
        string PartitionOf(long id) => ranges.Single(r => Bound(r.From) <= id && id < Bound(r.To)).Name;
        foreach (var type in SearchTypes.Ordered)
        {
            var band = SearchEntryIds.Band(type);
            var last = lastIds.GetValueOrDefault(type);
            // A kind's first, last and any later record fall in its own band's partitions; full ranges hold 65,536 records.
            foreach (var id in new[] { 1, Math.Max(1, last), SearchEntryIds.BandSize - 1 })
            {
                Assert.StartsWith($"SearchEntries_{band}_", PartitionOf(SearchEntryIds.For(type, id)), StringComparison.Ordinal);
            }
            Assert.Equal(Math.Max(1, (last + SearchPartitions.EntriesPerPartition - 1) / SearchPartitions.EntriesPerPartition),
                ranges.Count(r => r.Name.StartsWith($"SearchEntries_{band}_", StringComparison.Ordinal)));
            if (last > SearchPartitions.EntriesPerPartition)
            {
                Assert.NotEqual(PartitionOf(SearchEntryIds.For(type, SearchPartitions.EntriesPerPartition)), PartitionOf(SearchEntryIds.For(type, SearchPartitions.EntriesPerPartition + 1)));
            }
        }
    }

    [Fact]
    public async Task Rebuild_OnPostgres_LaysOutBands_IndexesEveryPartition_AndFindsEditsInTheLast()
    {
        if (!TestDatabase.IsPostgres)
        {
            return; // Partitions are PostgreSQL's; the SQLite lane has FTS5 tables instead (SearchQueryTests covers both).
        }
        const int organisations = SearchPartitions.EntriesPerPartition + 4_000;
        await using var database = TestDatabase.Create();
        int late;
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
            // Nine bands, the organisations' in two ranges.
            Assert.Equal(10, partitions.Count);
            Assert.Contains("SearchEntries_2_0 FOR VALUES FROM (268435456) TO (268500993)", partitions);
            Assert.Contains("SearchEntries_2_1 FOR VALUES FROM (268500993) TO (402653184)", partitions);
            // Both GIN indexes, valid, on each partition (re-created "ON ONLY" the parent, they would cover none).
            var gin = await db.Database.SqlQueryRaw<int>("""
                SELECT count(*)::int AS "Value" FROM pg_index x JOIN pg_class ix ON ix.oid = x.indexrelid JOIN pg_am am ON am.oid = ix.relam
                JOIN pg_inherits i ON i.inhrelid = x.indrelid WHERE i.inhparent = '"SearchEntries"'::regclass AND am.amname = 'gin' AND x.indisvalid
                """).SingleAsync();
            Assert.Equal(2 * partitions.Count, gin);
            var lastOrganisation = await db.Organisations.MaxAsync(o => o.Id);
            Assert.Equal(SearchEntryIds.For(SearchTypes.Organisation, lastOrganisation), await db.SearchEntries.MaxAsync(e => e.Id));

            db.Organisations.Add(new Organisation { Code = "late", NameJa = "後から創薬", Kind = "company", CountryCode = "JP" });
            await db.SaveChangesAsync();
            late = await db.Organisations.Where(o => o.Code == "late").Select(o => o.Id).SingleAsync();
            await SearchIndexer.ReindexAsync(db, new Dictionary<string, HashSet<int>> { [SearchTypes.Organisation] = [late] }, CancellationToken.None);
        }

        await using (var db = database.NewContext())
        {
            var hits = await new SearchQuery(db).Matching("創薬").OrderBy(e => e.Id).Select(e => new { e.Id, e.EntityType, e.EntityId }).ToListAsync();
            Assert.Equal(3 + (organisations / 1000) + 1, hits.Count);
            Assert.Equal(3, hits.Count(h => h.EntityType == SearchTypes.Region));
            Assert.All(hits, h => Assert.Equal(SearchEntryIds.For(h.EntityType, h.EntityId), h.Id));
            Assert.Contains(hits, h => h.EntityId > SearchPartitions.EntriesPerPartition && h.EntityType == SearchTypes.Organisation);
            Assert.Equal(SearchEntryIds.For(SearchTypes.Organisation, late), hits[^1].Id);
            var partition = await db.Database.SqlQuery<string>(
                $"SELECT tableoid::regclass::text AS \"Value\" FROM \"SearchEntries\" WHERE \"Id\" = {hits[^1].Id}").SingleAsync();
            Assert.Equal("\"SearchEntries_2_1\"", partition);
            var firstPage = await new SearchQuery(db).Matching("創薬").OrderBy(e => e.Id).Take(20).Select(e => e.Id).ToListAsync();
            Assert.Equal(hits.Take(20).Select(h => h.Id), firstPage);
        }
    }
}
