using System.Runtime.CompilerServices;
using ClusterAtlas.Data;
using ClusterAtlas.Japanese;
using ClusterAtlas.Paging;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>
/// Rebuilds the search entries (and so the FTS5 / pg_trgm indexes fed from them) from the registry. Records are read
/// and written in batches of <see cref="BatchSize"/> by key, so memory stays flat at national scale. Every project has
/// an entry of its own; a region's entry holds its names, fields and prefectures and the text of its first
/// <see cref="ProjectsInRegionEntry"/> projects only: a region of a national dataset has hundreds, and one huge entry
/// per region makes every engine's check of a match read tens of kilobytes (PostgreSQL's recheck of pg_trgm hits).
/// </summary>
public static class SearchIndexer
{
    public const int BatchSize = 2_000;

    /// <summary>Regions per batch: each brings its projects (hundreds at national scale) to choose the first from.</summary>
    private const int RegionBatchSize = 100;

    public const int ProjectsInRegionEntry = 20;

    public static async Task RebuildAsync(AtlasDbContext db, CancellationToken ct)
    {
        await db.SearchEntries.ExecuteDeleteAsync(ct);
        var writer = new EntryWriter(db);

        await foreach (var batch in Batches(db.Regions.AsNoTracking().AsSplitQuery().Include(x => x.Aliases).Include(x => x.Fields).Include(x => x.Prefectures), RegionBatchSize, ct))
        {
            var ids = batch.Select(r => r.Id).ToList();
            var projects = (await db.Participations.AsNoTracking().Where(p => ids.Contains(p.RegionId))
                .OrderBy(p => p.StartFiscalYear).ThenBy(p => p.ListNo).ThenBy(p => p.Id)
                .Select(p => new { p.RegionId, p.ClusterName, p.Theme, Programme = p.Programme!.NameJa }).ToListAsync(ct)).ToLookup(p => p.RegionId);
            foreach (var r in batch)
            {
                writer.Add(SearchTypes.Region, r.Id, r.NameJa, r.NameEn,
                    [.. r.Aliases.OrderBy(a => a.Id).Select(a => a.Name), .. r.Fields.OrderBy(f => f.Id).Select(f => f.Field),
                     .. r.Prefectures.OrderBy(p => p.Id).Select(p => p.Prefecture),
                     .. projects[r.Id].Take(ProjectsInRegionEntry).SelectMany(p => new[] { p.ClusterName, p.Theme, p.Programme })]);
            }
            await writer.FlushAsync(ct);
        }
        foreach (var p in await db.Programmes.AsNoTracking().Include(x => x.Ministry).OrderBy(x => x.Id).ToListAsync(ct))
        {
            writer.Add(SearchTypes.Programme, p.Id, p.NameJa, p.NameEn, p.TermText, p.Ministry?.NameJa, p.AimsJa, p.ProgressJa);
        }
        await writer.FlushAsync(ct);
        await foreach (var batch in Batches(db.Organisations.AsNoTracking(), BatchSize, ct))
        {
            batch.ForEach(o => writer.Add(SearchTypes.Organisation, o.Id, o.NameJa, o.NameEn, o.Kind, o.Note));
            await writer.FlushAsync(ct);
        }
        await foreach (var batch in Batches(db.People.AsNoTracking(), BatchSize, ct))
        {
            var (first, last) = (batch[0].Id, batch[^1].Id);
            var titles = (await db.RoleAssignments.AsNoTracking().Where(r => r.PersonId >= first && r.PersonId <= last)
                .OrderBy(r => r.Id).Select(r => new { r.PersonId, r.Title }).ToListAsync(ct)).ToLookup(r => r.PersonId, r => r.Title);
            batch.ForEach(p => writer.Add(SearchTypes.Person, p.Id, p.NameJa, p.NameEn, [.. titles[p.Id]]));
            await writer.FlushAsync(ct);
        }
        await foreach (var batch in Batches(db.Events.AsNoTracking(), BatchSize, ct))
        {
            batch.ForEach(e => writer.Add(SearchTypes.Event, e.Id, e.NameJa, e.NameEn, e.Venue, e.DateText, e.Note));
            await writer.FlushAsync(ct);
        }
        await foreach (var batch in Batches(db.IndustrialClusterProjects.AsNoTracking(), BatchSize, ct))
        {
            batch.ForEach(c => writer.Add(SearchTypes.IndustrialCluster, c.Id, c.NameJa, c.NameEn, c.Area, c.FieldsText));
            await writer.FlushAsync(ct);
        }
        await foreach (var batch in Batches(db.InternationalLinks.AsNoTracking().Include(x => x.Region), BatchSize, ct))
        {
            batch.ForEach(l => writer.Add(SearchTypes.Link, l.Id, $"{l.Region!.NameJa} ↔ {l.PartnerName ?? l.CountryCode}", null, l.PartnerName, l.ActivityJa));
            await writer.FlushAsync(ct);
        }
        await foreach (var batch in Batches(db.Surveys.AsNoTracking(), BatchSize, ct))
        {
            batch.ForEach(s => writer.Add(SearchTypes.Survey, s.Id, s.NameJa, s.NameEn, s.Population));
            await writer.FlushAsync(ct);
        }
        await foreach (var batch in Batches(db.Participations.AsNoTracking(), BatchSize, ct))
        {
            batch.ForEach(p => writer.Add(SearchTypes.Project, p.Id, p.ClusterName ?? p.Theme ?? p.TermText, null, p.Theme, p.TermText));
            await writer.FlushAsync(ct);
        }
    }

    /// <summary>The rows of <paramref name="query"/> in key order, <paramref name="size"/> at a time (keyset paging: no OFFSET rescans).</summary>
    private static async IAsyncEnumerable<List<T>> Batches<T>(IQueryable<T> query, int size, [EnumeratorCancellation] CancellationToken ct)
        where T : class, IHasId
    {
        var last = 0;
        while (true)
        {
            var after = last;
            var batch = await query.Where(x => x.Id > after).OrderBy(x => x.Id).Take(size).ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }
            yield return batch;
            last = batch[^1].Id;
        }
    }

    /// <summary>Collects entries and writes them batch by batch, forgetting them once saved.</summary>
    private sealed class EntryWriter(AtlasDbContext db)
    {
        private readonly List<SearchEntry> pending = [];

        public void Add(string type, int id, string title, string? titleEn, params string?[] text)
        {
            var all = string.Join(' ', new[] { title, titleEn }.Concat(text).Where(t => !string.IsNullOrWhiteSpace(t)));
            pending.Add(new SearchEntry
            {
                EntityType = type, EntityId = id, Title = title, TitleEn = titleEn,
                Normalized = JapaneseText.Normalize(all), Bigrams = JapaneseText.BigramDocument(all),
            });
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            if (pending.Count == 0)
            {
                return;
            }
            db.SearchEntries.AddRange(pending);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            pending.Clear();
        }
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

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>([Region, Project, Programme, Organisation, Person, Event, IndustrialCluster, Link, Survey], StringComparer.Ordinal);
}
