using System.Globalization;
using ClusterAtlas.Data;

namespace ClusterAtlas.Search;

/// <summary>
/// PostgreSQL keeps "SearchEntries" in ranges of ids (migration PartitionSearchEntries), each with its own GIN indexes
/// and statistics. A GIN index yields all of its matches at once, unordered: for a term matching 68,000 entries at
/// national scale the capped count read every match's posting (31–51 ms) and the first page by id either sorted them
/// all or walked the primary key testing rows (up to 140 ms). Per partition, PostgreSQL reads the partitions in id
/// order and stops once it has enough (3–9 ms and 3–5 ms on the same data, once region entries held only their own
/// text: see <see cref="SearchIndexer"/>). A full rebuild lays the ranges out anew; entries written later by edits go
/// to the last, open-ended partition.
/// </summary>
internal static class SearchPartitions
{
    public const int EntriesPerPartition = 65_536;

    private const string Table = "SearchEntries";

    /// <summary>
    /// Replaces the (emptied) table's partitions by ranges for <paramref name="entries"/> entries, ids restarting at 1.
    /// Runs in the caller's transaction; a table that is not partitioned is left as it is.
    /// </summary>
    public static async Task LayOutAsync(AtlasDbContext db, long entries, CancellationToken ct)
    {
        var partitioned = await RawSql.ScalarAsync(db,
            $"SELECT count(*) FROM pg_class WHERE relname = '{Table}' AND relnamespace = current_schema()::regnamespace AND relkind = 'p'", ct);
        if (Convert.ToInt64(partitioned, CultureInfo.InvariantCulture) == 0)
        {
            return;
        }
        var partitions = await RawSql.PairsAsync(db, $"""
            SELECT c.relname, c.relkind::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = (SELECT oid FROM pg_class WHERE relname = '{Table}' AND relnamespace = current_schema()::regnamespace)
            """, ct);
        foreach (var (name, _) in partitions)
        {
            await RawSql.ExecuteAsync(db, $"DROP TABLE {TableOrder.Quote(name)}", ct);
        }
        await RawSql.ExecuteAsync(db, $"ALTER TABLE {TableOrder.Quote(Table)} ALTER COLUMN \"Id\" RESTART WITH 1", ct);
        foreach (var (name, from, to) in Ranges(entries))
        {
            await RawSql.ExecuteAsync(db, $"CREATE TABLE {TableOrder.Quote(name)} PARTITION OF {TableOrder.Quote(Table)} FOR VALUES FROM ({from}) TO ({to})", ct);
        }
    }

    /// <summary>The partitions for ids 1 … <paramref name="entries"/> in ranges of <see cref="EntriesPerPartition"/>: the first open below, the last open above.</summary>
    public static List<(string Name, string From, string To)> Ranges(long entries)
    {
        var count = Math.Max(1, (entries + EntriesPerPartition - 1) / EntriesPerPartition);
        var ranges = new List<(string, string, string)>();
        for (var i = 0L; i < count; i++)
        {
            var from = i == 0 ? "MINVALUE" : (1 + i * EntriesPerPartition).ToString(CultureInfo.InvariantCulture);
            var to = i == count - 1 ? "MAXVALUE" : (1 + (i + 1) * EntriesPerPartition).ToString(CultureInfo.InvariantCulture);
            ranges.Add(($"{Table}_{i.ToString(CultureInfo.InvariantCulture)}", from, to));
        }
        return ranges;
    }
}
