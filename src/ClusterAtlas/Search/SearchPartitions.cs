using System.Globalization;
using ClusterAtlas.Data;

namespace ClusterAtlas.Search;

/// <summary>
/// PostgreSQL keeps "SearchEntries" in ranges of ids (migration PartitionSearchEntries), each with its own GIN indexes
/// and statistics. A GIN index yields all of its matches at once, unordered: for a term matching 68,000 entries at
/// national scale the capped count read every match's posting (31–51 ms) and the first page by id either sorted them
/// all or walked the primary key testing rows (up to 140 ms). Per partition, PostgreSQL reads the partitions in id
/// order and stops once it has enough (3–9 ms and 3–5 ms on the same data, once region entries held only their own
/// text: see <see cref="SearchIndexer"/>). A full rebuild lays the ranges out anew within each kind's id band
/// (<see cref="SearchEntryIds"/>): ranges of <see cref="EntriesPerPartition"/> records up to the kind's last record,
/// the last one open to the end of the band for records added later.
/// </summary>
internal static class SearchPartitions
{
    public const int EntriesPerPartition = 65_536;

    private const string Table = "SearchEntries";

    /// <summary>
    /// Replaces the (emptied) table's partitions by ranges for records up to <paramref name="lastIds"/> (kind → its
    /// highest record id; a kind not listed gets one range). Runs in the caller's transaction; a table that is not
    /// partitioned is left as it is.
    /// </summary>
    public static async Task LayOutAsync(AtlasDbContext db, IReadOnlyDictionary<string, int> lastIds, CancellationToken ct)
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
        foreach (var (name, from, to) in Ranges(lastIds))
        {
            await RawSql.ExecuteAsync(db, $"CREATE TABLE {TableOrder.Quote(name)} PARTITION OF {TableOrder.Quote(Table)} FOR VALUES FROM ({from}) TO ({to})", ct);
        }
    }

    /// <summary>
    /// Per kind, in band order: ranges of <see cref="EntriesPerPartition"/> record ids up to its last record, the last
    /// range running to the end of the band; the first range is open below, the last above (no id falls outside).
    /// </summary>
    public static List<(string Name, string From, string To)> Ranges(IReadOnlyDictionary<string, int> lastIds)
    {
        var ranges = new List<(string, string, string)>();
        for (var band = 0; band < SearchTypes.Ordered.Length; band++)
        {
            var start = (long)band * SearchEntryIds.BandSize;
            var last = lastIds.GetValueOrDefault(SearchTypes.Ordered[band]);
            var count = Math.Max(1, (last + EntriesPerPartition - 1) / EntriesPerPartition);
            for (var i = 0; i < count; i++)
            {
                var from = band == 0 && i == 0 ? "MINVALUE" : (start + (i == 0 ? 0 : 1 + ((long)i * EntriesPerPartition))).ToString(CultureInfo.InvariantCulture);
                var to = i < count - 1 ? (start + 1 + ((long)(i + 1) * EntriesPerPartition)).ToString(CultureInfo.InvariantCulture)
                    : band == SearchTypes.Ordered.Length - 1 ? "MAXVALUE" : (start + SearchEntryIds.BandSize).ToString(CultureInfo.InvariantCulture);
                ranges.Add(($"{Table}_{band.ToString(CultureInfo.InvariantCulture)}_{i.ToString(CultureInfo.InvariantCulture)}", from, to));
            }
        }
        return ranges;
    }
}
