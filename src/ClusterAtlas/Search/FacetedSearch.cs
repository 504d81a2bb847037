using System.Data;
using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>Facet selections: values within a facet are ORed, facets are ANDed; an empty selection does not filter.</summary>
public sealed record SearchFilters(
    IReadOnlyCollection<string> Types, IReadOnlyCollection<string> Programmes, int? FiscalYearFrom, int? FiscalYearTo,
    IReadOnlyCollection<string> Fields, IReadOnlyCollection<string> Prefectures, IReadOnlyCollection<string> Ministries)
{
    public static SearchFilters None { get; } = new([], [], null, null, [], [], []);
}

public sealed record FacetCountDto(string Value, string LabelJa, string LabelEn, int Count);

/// <summary>A hit with the code of its page, the attributes the facets look at and, for a project, its region's names.</summary>
public sealed record FacetedHitDto(
    string Type, int Id, string Code, string Title, string? TitleEn, string? Excerpt, string? RegionCode, FiscalYearDto? FiscalYearFrom, FiscalYearDto? FiscalYearTo,
    IReadOnlyList<string> Programmes, IReadOnlyList<string> Fields, IReadOnlyList<string> Prefectures, IReadOnlyList<string> Ministries,
    string? RegionName = null, string? RegionNameEn = null);

public sealed record FacetedSearchResultDto(
    string Query, IReadOnlyList<FacetedHitDto> Items, int Total, int Offset, int Limit, bool Capped,
    IReadOnlyList<FacetCountDto> Types, IReadOnlyList<FacetCountDto> Programmes, IReadOnlyList<FacetCountDto> FiscalYears,
    IReadOnlyList<FacetCountDto> Fields, IReadOnlyList<FacetCountDto> Prefectures, IReadOnlyList<FacetCountDto> Ministries);

/// <summary>
/// The portal's search: <see cref="SearchQuery"/> finds the records (at most <see cref="MaxMatches"/>, their ids and the
/// first title matches), every matched record's facets come from <see cref="FacetFacts"/> (kept in memory per data
/// version, <see cref="FacetRelations"/>), filtering and facet counts are done on that set, and the page's titles are read
/// last: three commands per search at most. A facet's counts ignore its own selection, so choosing one value does not hide
/// the others.
/// </summary>
public sealed class FacetedSearch(AtlasDbContext db, FacetFactsCache factsCache)
{
    public const int MaxMatches = 1000;

    /// <summary>The kinds in the order hits and the type facet list them: regions and their projects first.</summary>
    private static readonly string[] TypeOrder =
        [SearchTypes.Region, SearchTypes.Project, SearchTypes.Programme, SearchTypes.Organisation, SearchTypes.Person, SearchTypes.Event,
         SearchTypes.IndustrialCluster, SearchTypes.Link, SearchTypes.Survey];

    /// <summary><see cref="TypeOrder"/> as entry id ranges, kinds whose bands are next to each other in one (one title lookup each).</summary>
    private static readonly List<(int First, int Last)> TitleRanges = RangesOf(TypeOrder);

    public async Task<FacetedSearchResultDto> SearchAsync(string q, SearchFilters filters, int offset, int limit, CancellationToken ct)
    {
        // Every command on one connection: taking a pooled connection and handing it back costs 0.1–0.3 ms each time.
        // Opened as the ADO.NET connection it is: EF's open also registers its SQL functions with SQLite (p50 0.036 ms
        // against 0.007 at 1M projects), which this raw SQL never calls.
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            return await SearchOpenAsync(q, filters, offset, limit, ct);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private async Task<FacetedSearchResultDto> SearchOpenAsync(string q, SearchFilters filters, int offset, int limit, CancellationToken ct)
    {
        var terms = SearchHighlighter.Terms(q);
        // Any MaxMatches + 1 matches, in the order the index gives them: with ORDER BY "Id", PostgreSQL walked the primary
        // key testing each entry against the pattern until a thousand matched (130 ms for a term matching 2% of the
        // entries at 100k projects). Ids only, from the indexes, with the first title matches as far as the page reaches
        // (ShownAsync): reading a thousand matches' titles to rank title matches first cost 1.5–2 ms on SQLite at national
        // scale, where finding the matches took 0.5. An entry's id says its kind and record (SearchEntryIds).
        var first = await new SearchQuery(db).FirstMatchesAsync(q, MaxMatches + 1, TitleRanges, offset + limit, ct);
        var ids = first.Ids;
        var capped = ids.Count > MaxMatches;
        var profiles = new List<FacetProfile>(Math.Min(ids.Count, MaxMatches));
        foreach (var entryId in ids.Take(MaxMatches))
        {
            if (SearchEntryIds.TryDecode(entryId, out var type, out var id))
            {
                profiles.Add(new FacetProfile { EntryId = entryId, Type = type, Id = id });
            }
        }
        var facts = await factsCache.GetAsync(ct);
        FacetRelations.Apply(facts, profiles);
        profiles.RemoveAll(p => p.Code.Length == 0 && !FacetRelations.CodedLater(p.Type));

        var selected = new SelectedFacets(facts, filters);
        // The facets are counted on another core while the page is read: they need nothing the page's read writes (titles,
        // codes, the title flag), and each takes 0.15–0.25 ms at national scale where the whole search takes under 1 ms.
        var counting = Task.Run(() => FacetCounts.Count(facts, selected, profiles, TypeOrder), ct);
        var hits = profiles.Where(p => selected.Failing(p) == Facet.None).ToList();
        var shown = await ShownAsync(q, hits, first.Titles, offset, limit, ct);
        var excerpts = await ReadPageAsync(shown, terms, ct);
        var counts = await counting;
        shown.RemoveAll(p => p.Code.Length == 0);
        var page = shown.Select(p =>
        {
            // A project's hit names its region (a link's title already does; a person or organisation may have several).
            var region = p.Type == SearchTypes.Project ? p.Region : null;
            return new FacetedHitDto(p.Type, p.Id, p.Code, p.Title, p.TitleEn, excerpts.GetValueOrDefault(p.EntryId), p.RegionCode,
                FiscalYearDto.From(p.From), FiscalYearDto.From(p.To), new FacetCodes(p.Programmes, i => facts.ProgrammesByIndex[i].Code),
                new FacetCodes(p.Fields, i => facts.Fields[i]), new FacetCodes(p.Prefectures, i => facts.Prefectures[i]),
                new FacetCodes(p.Ministries, i => facts.Ministries[i].Code), region?.NameJa, region?.NameEn);
        }).ToList();
        return new FacetedSearchResultDto(q, page, hits.Count, offset, limit, capped, counts.Types, counts.Programmes, counts.FiscalYears, counts.Fields,
            counts.Prefectures, counts.Ministries);
    }

    /// <summary>
    /// The hits on the page: title matches first, then by kind (<see cref="TypeOrder"/>), then in the registry's order
    /// (entry ids follow record ids), so only the page's titles are read. The title matches of each range of
    /// <see cref="TitleRanges"/> come as far as the page reaches; when a filter leaves too few of them, all title matches
    /// among the first matches are read.
    /// </summary>
    private async Task<List<FacetProfile>> ShownAsync(string q, List<FacetProfile> hits, IReadOnlyList<TitleRun> runs, int offset, int limit, CancellationToken ct)
    {
        var byEntry = hits.ToDictionary(p => p.EntryId);
        var titled = new List<FacetProfile>();
        var titleMatches = new HashSet<int>();
        foreach (var run in runs)
        {
            titled.AddRange(run.Ids.Where(byEntry.ContainsKey).Select(id => byEntry[id]));
            titleMatches.UnionWith(run.Ids);
            if (!run.Complete)
            {
                if (titled.Count >= offset + limit)
                {
                    // The page lies within the title matches read (in TypeOrder, then by id): the rest need not be known.
                    titled.ForEach(p => p.TitleMatch = true);
                    return [.. titled.Skip(offset).Take(limit)];
                }
                titleMatches = (await new SearchQuery(db).FirstMatchesAsync(q, MaxMatches + 1, ct)).TitleMatches;
                break;
            }
        }
        hits.ForEach(p => p.TitleMatch = titleMatches.Contains(p.EntryId));
        hits.Sort((a, b) => a.TitleMatch != b.TitleMatch ? (a.TitleMatch ? -1 : 1)
            : a.Type != b.Type ? Array.IndexOf(TypeOrder, a.Type).CompareTo(Array.IndexOf(TypeOrder, b.Type))
            : a.EntryId.CompareTo(b.EntryId));
        return [.. hits.Skip(offset).Take(limit)];
    }

    private static List<(int First, int Last)> RangesOf(string[] types)
    {
        var ranges = new List<(int First, int Last)>();
        for (var i = 0; i < types.Length; i++)
        {
            var range = SearchEntryIds.Range(types[i]);
            if (i > 0 && SearchEntryIds.Band(types[i]) == SearchEntryIds.Band(types[i - 1]) + 1)
            {
                ranges[^1] = (ranges[^1].First, range.Last);
            }
            else
            {
                ranges.Add(range);
            }
        }
        return ranges;
    }

    /// <summary>
    /// Reads the shown hits' titles, the text of those that match outside their title (for an excerpt) and the codes of
    /// the people and organisations among them, in one command (ids are numbers from the index, written into the SQL).
    /// A record that is gone keeps no code and is left out.
    /// </summary>
    private async Task<Dictionary<int, string?>> ReadPageAsync(List<FacetProfile> shown, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var excerpts = new Dictionary<int, string?>();
        if (shown.Count == 0)
        {
            return excerpts;
        }
        var byEntry = shown.ToDictionary(p => p.EntryId);
        var statements = new List<(string Sql, string Type)>
        {
            ($"SELECT \"Id\", \"Title\", \"TitleEn\", CASE WHEN \"Id\" IN ({SqlBatch.Numbers(shown.Where(p => !p.TitleMatch).Select(p => p.EntryId).DefaultIfEmpty(0))}) THEN \"Normalized\" END "
                + $"FROM \"SearchEntries\" WHERE \"Id\" IN ({SqlBatch.Numbers(byEntry.Keys)})", ""),
        };
        foreach (var (type, table) in new[] { (SearchTypes.Person, "People"), (SearchTypes.Organisation, "Organisations") })
        {
            if (shown.Where(p => p.Type == type).Select(p => p.Id).ToList() is { Count: > 0 } ids)
            {
                statements.Add(($"SELECT \"Id\", \"Code\" FROM \"{table}\" WHERE \"Id\" IN ({SqlBatch.Numbers(ids)})", type));
            }
        }
        var coded = shown.Where(p => FacetRelations.CodedLater(p.Type)).ToDictionary(p => (p.Type, p.Id));
        await SqlBatch.ReadAsync(db, [.. statements.Select(s => s.Sql)], [], (statement, row) =>
        {
            if (statement == 0)
            {
                var p = byEntry[row.GetInt32(0)];
                p.Title = row.GetString(1);
                p.TitleEn = row.IsDBNull(2) ? null : row.GetString(2);
                if (!row.IsDBNull(3))
                {
                    excerpts[p.EntryId] = Excerpt(row.GetString(3), terms);
                }
            }
            else
            {
                coded[(statements[statement].Type, row.GetInt32(0))].Code = row.GetString(1);
            }
        }, ct);
        return excerpts;
    }

    /// <summary>About 60 characters around the first term found in the text, with ellipses where it is cut.</summary>
    private static string? Excerpt(string text, IReadOnlyList<string> terms)
    {
        var at = terms.Select(t => text.IndexOf(t, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (at < 0)
        {
            return null;
        }
        var start = Math.Max(0, at - 25);
        var end = Math.Min(text.Length, at + 35);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
