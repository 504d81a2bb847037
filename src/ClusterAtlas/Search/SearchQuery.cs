using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.Japanese;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

public sealed record SearchHit(string EntityType, int EntityId, string Title, string? TitleEn);

/// <summary>
/// Full-text search over <see cref="SearchEntry"/>, the same rules on both engines: the query is normalised like the
/// index; terms of 3+ characters use the trigram index (FTS5 trigram / pg_trgm GIN), 2-character terms the bigram
/// index (FTS5 unicode61 over bigram tokens / GIN over the bigram array), and 1-character terms fall back to a scan.
/// Every term must match (AND).
/// </summary>
public sealed class SearchQuery(AtlasDbContext db)
{
    /// <summary>Ids of matching entries, as a composable query (callers add type filters, counts and paging).</summary>
    public IQueryable<SearchEntry> Matching(string q)
    {
        var (sql, parameters) = MatchingSql(q);
#pragma warning disable EF1002 // The SQL text holds only fixed fragments; every user value is a parameter.
        return db.SearchEntries.FromSqlRaw(sql, [.. parameters]).AsNoTracking();
#pragma warning restore EF1002
    }

    /// <summary>
    /// The SQL behind <see cref="Matching"/> (<c>SELECT * FROM "SearchEntries" WHERE …</c>) with its parameters as
    /// {0}, {1} … placeholders, for callers that wrap it in SQL of their own (capped counts).
    /// </summary>
    public (string Sql, IReadOnlyList<object> Parameters) MatchingSql(string q)
    {
        var terms = JapaneseText.Normalize(q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (terms.Length == 0)
        {
            return ("SELECT * FROM \"SearchEntries\" WHERE 1 = 0", []);
        }
        var postgres = db.Database.IsNpgsql();
        var conditions = new List<string>();
        var parameters = new List<object>();
        foreach (var term in terms.Distinct(StringComparer.Ordinal).Take(8))
        {
            var p = "{" + parameters.Count.ToString(CultureInfo.InvariantCulture) + "}";
            var length = new StringInfo(term).LengthInTextElements;
            if (length >= 3)
            {
                conditions.Add(postgres
                    ? $"\"Normalized\" LIKE {p} ESCAPE '\\'"
                    : $"\"Id\" IN (SELECT rowid FROM \"SearchTrigrams\" WHERE \"SearchTrigrams\" MATCH {p})");
                parameters.Add(postgres ? "%" + EscapeLike(term) + "%" : Phrase(term));
            }
            else if (length == 2)
            {
                conditions.Add(postgres
                    ? $"\"BigramArray\" @> ARRAY[{p}]::text[]"
                    : $"\"Id\" IN (SELECT rowid FROM \"SearchBigrams\" WHERE \"SearchBigrams\" MATCH {p})");
                parameters.Add(postgres ? term : Phrase(term));
            }
            else
            {
                // One character: no index can answer it; a scan is correct and the corpus of entries is small.
                conditions.Add(postgres ? $"strpos(\"Normalized\", {p}) > 0" : $"instr(\"Normalized\", {p}) > 0");
                parameters.Add(term);
            }
        }
        return ("SELECT * FROM \"SearchEntries\" WHERE " + string.Join(" AND ", conditions), parameters);
    }

    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
