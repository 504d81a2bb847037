using System.Data.Common;
using System.Globalization;
using ClusterAtlas.Japanese;

namespace ClusterAtlas.Bench;

/// <summary>
/// The bare index query a hand-written search would send for the same answer the app gives — how many entries
/// match (counting at most a cap, as the app does) and the first page — straight to the engine's
/// index: FTS5 MATCH (trigram for 3+ characters, unicode61 over bigram tokens for 2) on SQLite, the pg_trgm GIN
/// (LIKE) or the GIN over the bigram array (@>) on PostgreSQL. One term per query, as in the benchmark's queries.
/// </summary>
public static class BareSearch
{
    public static async Task<int> RunAsync(DbConnection connection, bool postgres, string query, int countCap, int pageSize, CancellationToken ct)
    {
        var term = JapaneseText.Normalize(query);
        var length = new StringInfo(term).LengthInTextElements;
        string sql;
        object value;
        var cap = (countCap + 1).ToString(CultureInfo.InvariantCulture);
        var page = pageSize.ToString(CultureInfo.InvariantCulture);
        if (postgres)
        {
            var match = length >= 3 ? "\"Normalized\" LIKE @q" : "\"BigramArray\" @> ARRAY[@q]::text[]";
            value = length >= 3 ? "%" + term + "%" : term;
            sql = $"""
                SELECT count(*) FROM (SELECT 1 FROM "SearchEntries" WHERE {match} LIMIT {cap}) AS capped;
                SELECT "Id", "EntityType", "EntityId", "Title" FROM "SearchEntries" WHERE {match} ORDER BY "Id" LIMIT {page};
                """;
        }
        else
        {
            // The FTS5 table itself, in its own rowid order: the count needs no entry row, the page joins its 20.
            var table = length >= 3 ? "\"SearchTrigrams\"" : "\"SearchBigrams\"";
            value = "\"" + term + "\"";
            sql = $"""
                SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH @q LIMIT {cap}) AS capped;
                SELECT e."Id", e."EntityType", e."EntityId", e."Title" FROM {table} AS d CROSS JOIN "SearchEntries" AS e
                WHERE e."Id" = d.rowid AND d.{table} MATCH @q ORDER BY d.rowid LIMIT {page};
                """;
        }
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL holds only fixed fragments and numbers; the term is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        var parameter = command.CreateParameter();
        parameter.ParameterName = "q";
        parameter.Value = value;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = 0;
        do
        {
            while (await reader.ReadAsync(ct))
            {
                rows++;
            }
        }
        while (await reader.NextResultAsync(ct));
        return rows;
    }
}
