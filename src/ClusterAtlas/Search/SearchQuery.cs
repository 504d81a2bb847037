using System.Globalization;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

public sealed record SearchHit(string EntityType, int EntityId, string Title, string? TitleEn);

/// <summary>The first matches' entry ids (in no particular order) and, per id range asked for, their title matches.</summary>
public sealed record FirstMatches(List<int> Ids, IReadOnlyList<TitleRun> Titles);

/// <summary>The first title matches within an id range, ascending, and whether they are all the range holds among the matches.</summary>
public sealed record TitleRun(List<int> Ids, bool Complete);

/// <summary>
/// Full-text search over <see cref="SearchEntry"/>, the same rules on both engines: the query is normalised like the
/// index; terms of 3+ characters use the trigram index (FTS5 trigram / pg_trgm GIN), 2-character terms the bigram
/// index (FTS5 unicode61 over bigram tokens / GIN over the bigram array), and 1-character terms fall back to a scan.
/// Every term must match (AND).
/// </summary>
public sealed class SearchQuery(AtlasDbContext db)
{
    /// <summary>Ids of matching entries, as a composable query (callers add type filters, counts and paging).</summary>
    public IQueryable<SearchEntry> Matching(string q) => Matching(MatchingSql(q));

    /// <summary>
    /// The ids of the records of one kind that match, as a composable query (<c>ids.Contains(x.Id)</c>), from the
    /// matching entries' ids (<see cref="MatchingIdsSql"/>: on SQLite the FTS5 rowids within the kind's band, no entry row).
    /// </summary>
    public IQueryable<int> RecordIds(string q, string type)
    {
        var (sql, parameters) = MatchingIdsSql(q, [type]);
        var first = SearchEntryIds.Range(type).First - 1;
#pragma warning disable EF1002 // Fixed SQL fragments and a number; every user value is a parameter.
        return db.Database.SqlQueryRaw<int>(string.Create(CultureInfo.InvariantCulture, $"SELECT m.\"Id\" - {first} AS \"Value\" FROM ({sql}) AS m"), [.. parameters]);
#pragma warning restore EF1002
    }

    /// <summary>The entries of SQL built by <see cref="MatchingSql"/>, for a caller that also uses the SQL itself.</summary>
    public IQueryable<SearchEntry> Matching((string Sql, IReadOnlyList<object> Parameters) matching)
    {
        var (sql, parameters) = matching;
#pragma warning disable EF1002 // The SQL text holds only fixed fragments; every user value is a parameter.
        return db.SearchEntries.FromSqlRaw(sql, [.. parameters]).AsNoTracking();
#pragma warning restore EF1002
    }

    /// <summary>
    /// The SQL behind <see cref="Matching(string)"/> (a SELECT of the entries' columns: SQLite's FTS5 table joined to
    /// "SearchEntries", PostgreSQL's "SearchEntries" filtered) with its parameters as {0}, {1} … placeholders, for
    /// callers that wrap it in SQL of their own (capped counts, a page joined to other tables); of the given kinds only
    /// when <paramref name="types"/> is not empty.
    /// </summary>
    public (string Sql, IReadOnlyList<object> Parameters) MatchingSql(string q, IReadOnlyCollection<string>? types = null) => Build(q, types, idsOnly: false);

    /// <summary>
    /// The ids of the matching entries (one column, "Id"), of the given kinds only when <paramref name="types"/> is
    /// not empty, read from the index alone where it can answer (SQLite: the FTS5 rowids, no entry row; the kinds are
    /// id ranges, <see cref="SearchEntryIds"/>). Same placeholders as <see cref="MatchingSql"/>.
    /// </summary>
    public (string Sql, IReadOnlyList<object> Parameters) MatchingIdsSql(string q, IReadOnlyCollection<string>? types = null) => Build(q, types, idsOnly: true);

    private (string, IReadOnlyList<object>) Build(string q, IReadOnlyCollection<string>? types, bool idsOnly)
    {
        var terms = Terms(q);
        var columns = idsOnly ? "\"Id\"" : "*";
        if (terms.Count == 0)
        {
            return ($"SELECT {columns} FROM \"SearchEntries\" WHERE 1 = 0", []);
        }
        return db.Database.IsNpgsql() ? PostgresSql(terms, types, columns, titleMatch: false) : SqliteSql(terms, types, idsOnly, FullText.Entries);
    }

    /// <summary>
    /// The first <paramref name="limit"/> matches' entry ids, in the index's order, and which of them also match on their
    /// title alone (the normalised title and English title, by the same rules): all of them.
    /// </summary>
    public async Task<(List<int> Ids, HashSet<int> TitleMatches)> FirstMatchesAsync(string q, int limit, CancellationToken ct)
    {
        // Title matches are matches and come in id order too: the first `limit` in one run over every id hold them all.
        var first = await FirstMatchesAsync(q, limit, [(1, int.MaxValue)], limit, ct);
        return (first.Ids, [.. first.Titles[0].Ids]);
    }

    /// <summary>
    /// The first <paramref name="limit"/> matches' entry ids, ascending, and for each of
    /// <paramref name="titleRanges"/> (entry id ranges) the first <paramref name="titleLimit"/> of those matches that also
    /// match on their title alone. A caller that shows title matches first needs only as many as it shows: on SQLite
    /// (FTS5 tables over the titles, SearchTitleTrigrams / SearchTitleBigrams, rowids only) the first twenty title matches
    /// of a range cost 0.05 ms at national scale, all title matches among a thousand matches 0.5–1 ms. The ids come as
    /// one comma-separated value per list (group_concat): read row by row through ADO.NET, a thousand ids cost twice what
    /// the index took to find them. The title runs are read second, each range cut to its first and last match: a
    /// range without matches needs no look-up (SQLite prepares each statement anew; of a two-run statement's 0.13 ms at
    /// 100k projects, 0.07 was preparing it), and one that starts past many other kinds' title matches does not walk them
    /// (the projects' range, after the organisations' thousands of 創薬 titles, cost 0.25 ms at 1M when read with the
    /// ids). Tried: the page's titles in the runs' statement (saves the page's command when it holds title matches only;
    /// the materialised runs and the larger statement to prepare made the 創薬 search 5–10% slower). PostgreSQL checks
    /// the title in the row it reads anyway, so its runs are complete.
    /// </summary>
    public async Task<FirstMatches> FirstMatchesAsync(string q, int limit, IReadOnlyList<(int First, int Last)> titleRanges, int titleLimit,
        CancellationToken ct)
    {
        var terms = Terms(q);
        if (terms.Count == 0)
        {
            return new FirstMatches([], [.. titleRanges.Select(_ => new TitleRun([], Complete: true))]);
        }
        List<int> ids = [];
        if (db.Database.IsNpgsql())
        {
            var (sql, parameters) = PostgresSql(terms, null, "\"Id\"", titleMatch: true);
            var titles = new List<int>();
            await SqlBatch.ReadAsync(db, [sql + string.Create(CultureInfo.InvariantCulture, $" LIMIT {limit}")], parameters, (_, row) =>
            {
                ids.Add(row.GetInt32(0));
                if (row.GetBoolean(1))
                {
                    titles.Add(row.GetInt32(0));
                }
            }, ct);
            ids.Sort();
            titles.Sort();
            return new FirstMatches(ids, [.. titleRanges.Select(r => new TitleRun([.. titles.Where(id => id >= r.First && id <= r.Last)], Complete: true))]);
        }
        // Both lists are built from the same terms in the same order, so they share their parameters.
        var (all, allParameters) = SqliteSql(terms, null, idsOnly: true, FullText.Entries);
        var (title, _) = SqliteSql(terms, null, idsOnly: true, FullText.Titles);
        await SqlBatch.ReadAsync(db, [string.Create(CultureInfo.InvariantCulture, $"SELECT group_concat(\"Id\") FROM ({all} LIMIT {limit})")],
            allParameters, (_, row) => ids = row.IsDBNull(0) ? [] : SqlBatch.ParseNumbers(row.GetString(0)), ct);
        ids.Sort();
        var runs = titleRanges.Select(r => MatchesWithin(ids, r)).ToList();
        var read = runs.Select(_ => new List<int>()).ToList();
        var asked = Enumerable.Range(0, runs.Count).Where(i => runs[i].First <= runs[i].Last && titleLimit > 0).ToList();
        if (asked.Count > 0)
        {
            var lists = asked.Select(i => string.Create(CultureInfo.InvariantCulture,
                $"(SELECT group_concat(\"Id\") FROM (SELECT \"Id\" FROM ({title}) WHERE \"Id\" BETWEEN {runs[i].First} AND {runs[i].Last} LIMIT {titleLimit}))"));
            await SqlBatch.ReadAsync(db, ["SELECT " + string.Join(", ", lists)], allParameters, (_, row) =>
            {
                for (var n = 0; n < asked.Count; n++)
                {
                    read[asked[n]] = row.IsDBNull(n) ? [] : SqlBatch.ParseNumbers(row.GetString(n));
                }
            }, ct);
        }
        // A run cut at the last match that holds fewer than asked for holds every title match of its range among them.
        return new FirstMatches(ids, [.. read.Select(run => new TitleRun([.. run.Order()], Complete: titleLimit > 0 && run.Count < titleLimit))]);
    }

    /// <summary>The first and last of the (ascending) matches within a range; First > Last when none is.</summary>
    private static (int First, int Last) MatchesWithin(List<int> ids, (int First, int Last) range)
    {
        var from = ids.BinarySearch(range.First);
        from = from < 0 ? ~from : from;
        var to = ids.BinarySearch(range.Last);
        to = to < 0 ? ~to - 1 : to;
        return from <= to ? (ids[from], ids[to]) : (1, 0);
    }

    private static List<(string Text, int Length)> Terms(string q) =>
        [.. SearchHighlighter.Terms(q).Select(t => (Text: t, Length: new StringInfo(t).LengthInTextElements))];

    /// <summary>The FTS5 tables of a text and the column 1-character terms are looked for in (SQLite).</summary>
    private sealed record FullText(string Trigrams, string Bigrams, string Text)
    {
        public static FullText Entries { get; } = new("SearchTrigrams", "SearchBigrams", "Normalized");
        public static FullText Titles { get; } = new("SearchTitleTrigrams", "SearchTitleBigrams", "TitleNormalized");
    }

    /// <summary>"(id BETWEEN a AND b OR …)" for the kinds' id bands, or nothing for every kind.</summary>
    private static IEnumerable<string> KindRanges(string id, IReadOnlyCollection<string>? types) =>
        types is not { Count: > 0 } ? [] : ["(" + string.Join(" OR ", types.Select(SearchEntryIds.Range)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{id} BETWEEN {r.First} AND {r.Last}"))) + ")"];

    /// <summary>
    /// Driven by one FTS5 table joined to the entries, so the matches stream in rowid order and a LIMIT or an
    /// ORDER BY "Id" stops the index early; "Id IN (SELECT rowid … MATCH …)" built the whole match list first
    /// (46 ms for a common 2-character term at 1M projects, where the join answers in 9 ms). The terms of one
    /// table are ANDed inside its MATCH (FTS5 merges the lists); a second table's terms are an IN list, built once
    /// (probing FTS5 by rowid per candidate cost 40 µs each). Ids alone need no entry row unless a 1-character term
    /// has to be looked for in the text.
    /// </summary>
    private static (string, IReadOnlyList<object>) SqliteSql(List<(string Text, int Length)> terms, IReadOnlyCollection<string>? types, bool idsOnly, FullText text)
    {
        var trigrams = terms.Where(t => t.Length >= 3).Select(t => Phrase(t.Text)).ToList();
        var bigrams = terms.Where(t => t.Length == 2).Select(t => Phrase(t.Text)).ToList();
        var singles = terms.Where(t => t.Length == 1).Select(t => t.Text).ToList();
        var parameters = new List<object>();
        var conditions = new List<string>();
        string P(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }
        if (trigrams.Count == 0 && bigrams.Count == 0)
        {
            // One-character terms only: no index can answer them; a scan is correct.
            conditions.AddRange(singles.Select(t => $"instr(\"{text.Text}\", {P(t)}) > 0"));
            conditions.AddRange(KindRanges("\"Id\"", types));
            return ($"SELECT {(idsOnly ? "\"Id\"" : "*")} FROM \"SearchEntries\" WHERE " + string.Join(" AND ", conditions), parameters);
        }
        var (driver, driverTerms, other, otherTerms) = trigrams.Count > 0
            ? (text.Trigrams, trigrams, text.Bigrams, bigrams)
            : (text.Bigrams, bigrams, text.Trigrams, trigrams);
        var joined = !idsOnly || singles.Count > 0;
        var d = joined ? "d." : "";
        conditions.Add($"{d}\"{driver}\" MATCH {P(string.Join(" AND ", driverTerms))}");
        if (otherTerms.Count > 0)
        {
            conditions.Add($"{(joined ? "e.\"Id\"" : "rowid")} IN (SELECT rowid FROM \"{other}\" WHERE \"{other}\" MATCH {P(string.Join(" AND ", otherTerms))})");
        }
        conditions.AddRange(KindRanges(d + "rowid", types));
        if (!joined)
        {
            return ($"SELECT rowid AS \"Id\" FROM \"{driver}\" WHERE " + string.Join(" AND ", conditions), parameters);
        }
        conditions.AddRange(singles.Select(t => $"instr(e.\"{text.Text}\", {P(t)}) > 0"));
        var columns = idsOnly ? "d.rowid AS \"Id\"" : "d.rowid AS \"Id\", e.\"EntityType\", e.\"EntityId\", e.\"Title\", e.\"TitleEn\", e.\"Normalized\", e.\"Bigrams\"";
        return ($"SELECT {columns} FROM \"{driver}\" AS d CROSS JOIN \"SearchEntries\" AS e WHERE e.\"Id\" = d.rowid AND " + string.Join(" AND ", conditions), parameters);
    }

    /// <summary>With <paramref name="titleMatch"/>, a second column "TitleMatch": every term in the normalised title.</summary>
    private static (string, IReadOnlyList<object>) PostgresSql(List<(string Text, int Length)> terms, IReadOnlyCollection<string>? types, string columns, bool titleMatch)
    {
        var conditions = new List<string>();
        var parameters = new List<object>();
        if (titleMatch)
        {
            columns += ", (" + string.Join(" AND ", terms.Select((t, i) => string.Create(CultureInfo.InvariantCulture, $"strpos(coalesce(\"TitleNormalized\", ''), {{{i}}}) > 0"))) + ") AS \"TitleMatch\"";
            parameters.AddRange(terms.Select(t => t.Text));
        }
        foreach (var (term, length) in terms)
        {
            var p = "{" + parameters.Count.ToString(CultureInfo.InvariantCulture) + "}";
            if (length >= 3)
            {
                conditions.Add($"\"Normalized\" LIKE {p} ESCAPE '\\'");
                parameters.Add("%" + EscapeLike(term) + "%");
            }
            else if (length == 2)
            {
                conditions.Add($"\"BigramArray\" @> ARRAY[{p}]::text[]");
                parameters.Add(term);
            }
            else
            {
                // One character: no index can answer it; a scan is correct.
                conditions.Add($"strpos(\"Normalized\", {p}) > 0");
                parameters.Add(term);
            }
        }
        conditions.AddRange(KindRanges("\"Id\"", types));
        return ($"SELECT {columns} FROM \"SearchEntries\" WHERE " + string.Join(" AND ", conditions), parameters);
    }

    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
