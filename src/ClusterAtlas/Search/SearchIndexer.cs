using ClusterAtlas.Data;
using ClusterAtlas.Japanese;
using ClusterAtlas.Paging;
using ClusterAtlas.People;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Search;

/// <summary>
/// Rebuilds the search entries (and so the FTS5 / pg_trgm indexes fed from them) from the registry. The text is
/// normalised in C# (NFKC, kanji variants, bigrams), so it cannot be one INSERT … SELECT; instead each kind is read in
/// key-ordered pages and written with the bulk inserter (prepared INSERT / binary COPY), with the full-text indexes
/// taken off meanwhile and built once at the end (<see cref="SearchTextIndexes"/>); memory holds one page.
/// Every project has an entry of its own, which leads to its region; a region's entry holds the region's own text
/// (names, aliases, fields, prefectures), not its projects'. It used to hold its first twenty projects' as well: at
/// national scale that made region entries forty times the size of the others (313 bigrams, stored out of line), and
/// PostgreSQL spent ~20 µs checking each region row against a term where other rows cost under a microsecond — 3,333
/// region rows walked for the first page of 大学 took 85 ms, counting a thousand region matches of 創薬 30 ms. Their
/// text found the region by only twenty of its hundreds of projects anyway; a project's hit names its region.
/// </summary>
public static class SearchIndexer
{
    public const int BatchSize = 2_000;

    public static async Task RebuildAsync(AtlasDbContext db, CancellationToken ct)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var restoreTextIndexes = await SearchTextIndexes.SuspendAsync(db, () => LastIdsAsync(db, ct), ct);
        await IndexAsync(db, null, ct);
        await restoreTextIndexes();
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
    }

    /// <summary>The highest record id of each kind indexed below, for the partitions of a full rebuild.</summary>
    private static async Task<IReadOnlyDictionary<string, int>> LastIdsAsync(AtlasDbContext db, CancellationToken ct) =>
        new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [SearchTypes.Region] = await db.Regions.MaxAsync(x => (int?)x.Id, ct) ?? 0,
            [SearchTypes.Project] = await db.Participations.MaxAsync(x => (int?)x.Id, ct) ?? 0,
            [SearchTypes.Programme] = await db.Programmes.MaxAsync(x => (int?)x.Id, ct) ?? 0,
            [SearchTypes.Organisation] = await db.Organisations.MaxAsync(x => (int?)x.Id, ct) ?? 0,
            [SearchTypes.Person] = await db.People.MaxAsync(x => (int?)x.Id, ct) ?? 0,
            [SearchTypes.Event] = await db.Events.MaxAsync(x => (int?)x.Id, ct) ?? 0,
            [SearchTypes.IndustrialCluster] = await db.IndustrialClusterProjects.MaxAsync(x => (int?)x.Id, ct) ?? 0,
            [SearchTypes.Link] = await db.InternationalLinks.MaxAsync(x => (int?)x.Id, ct) ?? 0,
            [SearchTypes.Survey] = await db.Surveys.MaxAsync(x => (int?)x.Id, ct) ?? 0,
        };

    /// <summary>
    /// Re-writes the entries of the given records only (type → ids), as an approved edit needs: a full rebuild reads
    /// every record, minutes at national scale. Entries of records that no longer exist are removed. The full-text
    /// indexes stay on and follow the rows (SQLite's triggers, PostgreSQL's GIN).
    /// </summary>
    public static async Task ReindexAsync(AtlasDbContext db, IReadOnlyDictionary<string, HashSet<int>> records, CancellationToken ct)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var (type, ids) in records)
        {
            var list = ids.ToList();
            await db.SearchEntries.Where(e => e.EntityType == type && list.Contains(e.EntityId)).ExecuteDeleteAsync(ct);
        }
        await IndexAsync(db, records, ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
    }

    /// <summary>Writes the entries of every record (<paramref name="only"/> null) or of the listed records.</summary>
    private static async Task IndexAsync(AtlasDbContext db, IReadOnlyDictionary<string, HashSet<int>>? only, CancellationToken ct)
    {
        var writer = new EntryWriter(db);
        IQueryable<T>? Of<T>(string type, IQueryable<T> query) where T : class, IHasId
        {
            if (only is null)
            {
                return query;
            }
            if (!only.TryGetValue(type, out var ids) || ids.Count == 0)
            {
                return null;
            }
            var list = ids.ToList();
            return query.Where(x => list.Contains(x.Id));
        }

        // Kinds in the order of their id bands (SearchTypes.Ordered), so a rebuild appends ids in ascending order.
        if (Of(SearchTypes.Region, db.Regions.AsSplitQuery().Include(x => x.Aliases).Include(x => x.Fields).Include(x => x.Prefectures)) is { } regions)
        {
            await writer.IndexAsync(regions, BatchSize, r => Entry(SearchTypes.Region, r.Id, r.NameJa, r.NameEn,
                [.. r.Aliases.OrderBy(a => a.Id).Select(a => a.Name), .. r.Fields.OrderBy(f => f.Id).Select(f => f.Field),
                 .. r.Prefectures.OrderBy(p => p.Id).Select(p => p.Prefecture)]), ct);
        }
        if (Of(SearchTypes.Programme, db.Programmes.Include(x => x.Ministry)) is { } programmes)
        {
            await writer.IndexAsync(programmes, BatchSize,
                p => Entry(SearchTypes.Programme, p.Id, p.NameJa, p.NameEn, p.TermText, p.Ministry?.NameJa, p.AimsJa, p.ProgressJa), ct);
        }
        if (Of(SearchTypes.Organisation, db.Organisations) is { } organisations)
        {
            await writer.IndexAsync(organisations, BatchSize, o => Entry(SearchTypes.Organisation, o.Id, o.NameJa, o.NameEn, o.Kind, o.Note), ct);
        }
        if (Of(SearchTypes.Person, db.People) is { } people)
        {
            await writer.IndexPagesAsync(people, BatchSize, PersonEntriesAsync, ct);
        }
        if (Of(SearchTypes.Event, db.Events) is { } events)
        {
            await writer.IndexAsync(events, BatchSize, e => Entry(SearchTypes.Event, e.Id, e.NameJa, e.NameEn, e.Venue, e.DateText, e.Note), ct);
        }
        if (Of(SearchTypes.IndustrialCluster, db.IndustrialClusterProjects) is { } clusters)
        {
            await writer.IndexAsync(clusters, BatchSize, c => Entry(SearchTypes.IndustrialCluster, c.Id, c.NameJa, c.NameEn, c.Area, c.FieldsText), ct);
        }
        if (Of(SearchTypes.Link, db.InternationalLinks.Include(x => x.Region)) is { } links)
        {
            await writer.IndexAsync(links, BatchSize,
                l => Entry(SearchTypes.Link, l.Id, $"{l.Region!.NameJa} ↔ {l.PartnerName ?? l.CountryCode}", null, l.PartnerName, l.ActivityJa), ct);
        }
        if (Of(SearchTypes.Survey, db.Surveys) is { } surveys)
        {
            await writer.IndexAsync(surveys, BatchSize, s => Entry(SearchTypes.Survey, s.Id, s.NameJa, s.NameEn, s.Population), ct);
        }
        if (Of(SearchTypes.Project, db.Participations) is { } projects)
        {
            await writer.IndexAsync(projects, BatchSize,
                p => Entry(SearchTypes.Project, p.Id, p.ClusterName ?? p.Theme ?? p.TermText, null, p.Theme, p.TermText), ct);
        }

        async Task<IEnumerable<Document>> PersonEntriesAsync(List<Person> page)
        {
            var (first, last) = (page[0].Id, page[^1].Id);
            var ids = page.Select(p => p.Id).ToList();
            // A full rebuild's pages are dense (one range scan); a few edited people may lie far apart (look each up).
            var roles = last - first < 2 * page.Count
                ? db.RoleAssignments.Where(r => r.PersonId >= first && r.PersonId <= last)
                : db.RoleAssignments.Where(r => ids.Contains(r.PersonId));
            var titles = (await roles.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.PersonId, r.Title }).ToListAsync(ct))
                .ToLookup(r => r.PersonId, r => r.Title);
            return page.Select(p => Entry(SearchTypes.Person, p.Id, p.NameJa, p.NameEn, [.. titles[p.Id]]));
        }
    }

    private static Document Entry(string type, int id, string title, string? titleEn, params string?[] text)
    {
        // Each text once (a title often repeats in the text) and each bigram once (a term is one token, so positions do
        // not matter): PostgreSQL checks a row's whole bigram array against a term.
        var all = string.Join(' ', new[] { title, titleEn }.Concat(text).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal));
        var normalized = JapaneseText.Normalize(all);
        var titleNormalized = JapaneseText.Normalize(string.IsNullOrWhiteSpace(titleEn) || titleEn == title ? title : title + " " + titleEn);
        return new Document(SearchEntryIds.For(type, id), type, id, title, titleEn, normalized, BigramTokens(normalized), titleNormalized, BigramTokens(titleNormalized));
    }

    private static string BigramTokens(string normalized) => JapaneseText.DistinctBigramDocument(normalized);

    /// <summary>Reads a kind a page at a time (keyset by Id: no OFFSET rescans) and bulk-inserts its entries. The page's
    /// entries are complete before the insert starts, because PostgreSQL's COPY takes the connection for itself.</summary>
    private sealed class EntryWriter
    {
        private readonly AtlasDbContext db;
        private readonly IEntityType table;
        private readonly List<IProperty> columns;
        private readonly Func<Document, object?>[] values;

        public EntryWriter(AtlasDbContext db)
        {
            this.db = db;
            table = db.Model.FindEntityType(typeof(SearchEntry))!;
            columns = [.. TransferTables.Columns(table)];
            values = [.. columns.Select(c => Document.Getter(c.Name))];
        }

        public Task IndexAsync<T>(IQueryable<T> query, int pageSize, Func<T, Document> entry, CancellationToken ct) where T : class, IHasId =>
            IndexPagesAsync(query, pageSize, page => Task.FromResult(page.Select(entry)), ct);

        public async Task IndexPagesAsync<T>(IQueryable<T> query, int pageSize, Func<List<T>, Task<IEnumerable<Document>>> entries, CancellationToken ct)
            where T : class, IHasId
        {
            var after = 0;
            while (true)
            {
                var last = after;
                var page = await query.AsNoTracking().Where(x => x.Id > last).OrderBy(x => x.Id).Take(pageSize).ToListAsync(ct);
                if (page.Count == 0)
                {
                    return;
                }
                var documents = (await entries(page)).ToList();
                await using (var inserter = await BulkInserter.StartAsync(db, table, columns, ct))
                {
                    foreach (var doc in documents)
                    {
                        inserter.Add([.. values.Select(v => v(doc))]);
                    }
                    await inserter.CompleteAsync(ct);
                }
                after = page[^1].Id;
            }
        }
    }

    /// <summary>One search entry before it is written; its id is its kind's band plus its record's id (<see cref="SearchEntryIds"/>).</summary>
    private sealed record Document(int Id, string EntityType, int EntityId, string Title, string? TitleEn, string Normalized, string Bigrams,
        string TitleNormalized, string TitleBigrams)
    {
        public static Func<Document, object?> Getter(string column) => column switch
        {
            nameof(SearchEntry.Id) => d => d.Id,
            nameof(SearchEntry.EntityType) => d => d.EntityType,
            nameof(SearchEntry.EntityId) => d => d.EntityId,
            nameof(SearchEntry.Title) => d => d.Title,
            nameof(SearchEntry.TitleEn) => d => d.TitleEn,
            nameof(SearchEntry.Normalized) => d => d.Normalized,
            nameof(SearchEntry.Bigrams) => d => d.Bigrams,
            nameof(SearchEntry.TitleNormalized) => d => d.TitleNormalized,
            nameof(SearchEntry.TitleBigrams) => d => d.TitleBigrams,
            _ => throw new InvalidOperationException($"SearchEntries has a column {column} the indexer does not fill."),
        };
    }
}

public static class SearchTypes
{
    public const string Region = "region";
    public const string Programme = "programme";
    public const string Organisation = "organisation";
    public const string Person = "person";
    public const string Event = "event";
    public const string IndustrialCluster = "industrial-cluster";
    public const string Link = "link";
    public const string Survey = "survey";
    /// <summary>A region's project in a programme track (a participation).</summary>
    public const string Project = "project";

    /// <summary>
    /// The order of the kinds' id bands (<see cref="SearchEntryIds"/>), which the API lists hits in: projects, by far the
    /// most numerous, last. PostgreSQL reads its id ranges in this order for a first page; with the projects' sixteen
    /// ranges (at 1M) second, a term none of them holds made it walk them all.
    /// </summary>
    public static readonly string[] Ordered = [Region, Programme, Organisation, Person, Event, IndustrialCluster, Link, Survey, Project];

    public static readonly IReadOnlySet<string> All = new HashSet<string>(Ordered, StringComparer.Ordinal);
}
