using ClusterAtlas.Data;
using ClusterAtlas.Japanese;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>Rebuilds the search entries (and so the FTS5 / pg_trgm indexes fed from them) from the registry.</summary>
public static class SearchIndexer
{
    public static async Task RebuildAsync(AtlasDbContext db, CancellationToken ct)
    {
        await db.SearchEntries.ExecuteDeleteAsync(ct);
        var entries = new List<SearchEntry>();
        void Add(string type, int id, string title, string? titleEn, params string?[] text)
        {
            var all = string.Join(' ', new[] { title, titleEn }.Concat(text).Where(t => !string.IsNullOrWhiteSpace(t)));
            entries.Add(new SearchEntry
            {
                EntityType = type, EntityId = id, Title = title, TitleEn = titleEn,
                Normalized = JapaneseText.Normalize(all), Bigrams = JapaneseText.BigramDocument(all),
            });
        }

        foreach (var r in await db.Regions.AsNoTracking().AsSplitQuery()
                     .Include(x => x.Aliases).Include(x => x.Fields).Include(x => x.Prefectures)
                     .Include(x => x.Participations).ThenInclude(p => p.Programme).ToListAsync(ct))
        {
            Add(SearchTypes.Region, r.Id, r.NameJa, r.NameEn,
                [.. r.Aliases.Select(a => a.Name), .. r.Fields.Select(f => f.Field), .. r.Prefectures.Select(p => p.Prefecture),
                 .. r.Participations.SelectMany(p => new[] { p.ClusterName, p.Theme, p.Programme?.NameJa })]);
        }
        foreach (var p in await db.Programmes.AsNoTracking().Include(x => x.Ministry).ToListAsync(ct))
        {
            Add(SearchTypes.Programme, p.Id, p.NameJa, p.NameEn, p.TermText, p.Ministry?.NameJa, p.AimsJa, p.ProgressJa);
        }
        foreach (var o in await db.Organisations.AsNoTracking().ToListAsync(ct))
        {
            Add(SearchTypes.Organisation, o.Id, o.NameJa, o.NameEn, o.Kind, o.Note);
        }
        foreach (var p in await db.People.AsNoTracking().Include(x => x.Roles).ToListAsync(ct))
        {
            Add(SearchTypes.Person, p.Id, p.NameJa, p.NameEn, [.. p.Roles.Select(r => r.Title)]);
        }
        foreach (var e in await db.Events.AsNoTracking().ToListAsync(ct))
        {
            Add(SearchTypes.Event, e.Id, e.NameJa, e.NameEn, e.Venue, e.DateText, e.Note);
        }
        foreach (var c in await db.IndustrialClusterProjects.AsNoTracking().ToListAsync(ct))
        {
            Add(SearchTypes.IndustrialCluster, c.Id, c.NameJa, c.NameEn, c.Area, c.FieldsText);
        }
        foreach (var l in await db.InternationalLinks.AsNoTracking().Include(x => x.Region).ToListAsync(ct))
        {
            Add(SearchTypes.Link, l.Id, $"{l.Region!.NameJa} ↔ {l.PartnerName ?? l.CountryCode}", null, l.PartnerName, l.ActivityJa);
        }
        foreach (var s in await db.Surveys.AsNoTracking().ToListAsync(ct))
        {
            Add(SearchTypes.Survey, s.Id, s.NameJa, s.NameEn, s.Population);
        }
        db.SearchEntries.AddRange(entries);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
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
