using ClusterAtlas.Data;
using ClusterAtlas.Japanese;
using ClusterAtlas.Paging;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Search;

/// <summary>
/// Rebuilds the search entries (and so the FTS5 / pg_trgm indexes fed from them) from the registry. The text is
/// normalised in C# (NFKC, kanji variants, bigrams), so it cannot be one INSERT … SELECT; instead each kind is read in
/// key-ordered pages and written with the bulk inserter (prepared INSERT / binary COPY), with the full-text indexes
/// taken off meanwhile and built once at the end (<see cref="SearchTextIndexes"/>); memory holds one page.
/// </summary>
public static class SearchIndexer
{
    private const int PageSize = 2000;

    public static async Task RebuildAsync(AtlasDbContext db, CancellationToken ct)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var restoreTextIndexes = await SearchTextIndexes.SuspendAsync(db, ct);
        var table = db.Model.FindEntityType(typeof(SearchEntry))!;
        var columns = TransferTables.Columns(table).Where(c => !c.IsPrimaryKey()).ToList();

        await IndexAsync(db, table, columns, db.Regions.AsSplitQuery()
            .Include(x => x.Aliases).Include(x => x.Fields).Include(x => x.Prefectures)
            .Include(x => x.Participations).ThenInclude(p => p.Programme),
            r => Entry(SearchTypes.Region, r.Id, r.NameJa, r.NameEn,
                [.. r.Aliases.Select(a => a.Name), .. r.Fields.Select(f => f.Field), .. r.Prefectures.Select(p => p.Prefecture),
                 .. r.Participations.SelectMany(p => new[] { p.ClusterName, p.Theme, p.Programme?.NameJa })]), ct);
        await IndexAsync(db, table, columns, db.Programmes.Include(x => x.Ministry),
            p => Entry(SearchTypes.Programme, p.Id, p.NameJa, p.NameEn, p.TermText, p.Ministry?.NameJa, p.AimsJa, p.ProgressJa), ct);
        await IndexAsync(db, table, columns, db.Organisations,
            o => Entry(SearchTypes.Organisation, o.Id, o.NameJa, o.NameEn, o.Kind, o.Note), ct);
        await IndexAsync(db, table, columns, db.People.Include(x => x.Roles),
            p => Entry(SearchTypes.Person, p.Id, p.NameJa, p.NameEn, [.. p.Roles.Select(r => r.Title)]), ct);
        await IndexAsync(db, table, columns, db.Events,
            e => Entry(SearchTypes.Event, e.Id, e.NameJa, e.NameEn, e.Venue, e.DateText, e.Note), ct);
        await IndexAsync(db, table, columns, db.IndustrialClusterProjects,
            c => Entry(SearchTypes.IndustrialCluster, c.Id, c.NameJa, c.NameEn, c.Area, c.FieldsText), ct);
        await IndexAsync(db, table, columns, db.InternationalLinks.Include(x => x.Region),
            l => Entry(SearchTypes.Link, l.Id, $"{l.Region!.NameJa} ↔ {l.PartnerName ?? l.CountryCode}", null, l.PartnerName, l.ActivityJa), ct);
        await IndexAsync(db, table, columns, db.Surveys,
            s => Entry(SearchTypes.Survey, s.Id, s.NameJa, s.NameEn, s.Population), ct);
        await restoreTextIndexes();
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
    }

    /// <summary>Reads one kind a page at a time (by key) and bulk-inserts its entries; the page is read completely before
    /// the insert starts, because PostgreSQL's COPY takes the connection for itself.</summary>
    private static async Task IndexAsync<T>(AtlasDbContext db, IEntityType table, IReadOnlyList<IProperty> columns,
        IQueryable<T> query, Func<T, Document> document, CancellationToken ct) where T : class, IHasId
    {
        var values = columns.Select(c => Document.Getter(c.Name)).ToArray();
        var after = 0;
        while (true)
        {
            var page = await query.AsNoTracking().Where(x => x.Id > after).OrderBy(x => x.Id).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0)
            {
                return;
            }
            await using (var inserter = await BulkInserter.StartAsync(db, table, columns, ct))
            {
                foreach (var item in page)
                {
                    var doc = document(item);
                    inserter.Add([.. values.Select(v => v(doc))]);
                }
                await inserter.CompleteAsync(ct);
            }
            after = page[^1].Id;
        }
    }

    private static Document Entry(string type, int id, string title, string? titleEn, params string?[] text)
    {
        var all = string.Join(' ', new[] { title, titleEn }.Concat(text).Where(t => !string.IsNullOrWhiteSpace(t)));
        // BigramDocument(all) is the bigrams of Normalize(all): normalise once.
        var normalized = JapaneseText.Normalize(all);
        return new Document(type, id, title, titleEn, normalized, string.Join(' ', JapaneseText.Bigrams(normalized)));
    }

    /// <summary>One search entry before it is written (its Id is left to the database).</summary>
    private sealed record Document(string EntityType, int EntityId, string Title, string? TitleEn, string Normalized, string Bigrams)
    {
        public static Func<Document, object?> Getter(string column) => column switch
        {
            nameof(SearchEntry.EntityType) => d => d.EntityType,
            nameof(SearchEntry.EntityId) => d => d.EntityId,
            nameof(SearchEntry.Title) => d => d.Title,
            nameof(SearchEntry.TitleEn) => d => d.TitleEn,
            nameof(SearchEntry.Normalized) => d => d.Normalized,
            nameof(SearchEntry.Bigrams) => d => d.Bigrams,
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

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>([Region, Programme, Organisation, Person, Event, IndustrialCluster, Link, Survey], StringComparer.Ordinal);
}
