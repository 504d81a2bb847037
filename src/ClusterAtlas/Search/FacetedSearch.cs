using System.Globalization;
using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Japanese;
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
/// The portal's search: <see cref="SearchQuery"/> finds the records (at most <see cref="MaxMatches"/>, titles only), the
/// related rows of those records are loaded in one batch per kind (no query per hit), and every region's facets come
/// from <see cref="FacetFacts"/>, computed once per data version rather than from each matched region's projects. Filtering
/// and facet counts are done on that set. A facet's counts ignore its own selection, so choosing one value does not hide the others.
/// </summary>
public sealed class FacetedSearch(AtlasDbContext db, FacetFactsCache factsCache)
{
    public const int MaxMatches = 1000;

    private static readonly string[] TypeOrder =
        [SearchTypes.Region, SearchTypes.Project, SearchTypes.Programme, SearchTypes.Organisation, SearchTypes.Person, SearchTypes.Event,
         SearchTypes.IndustrialCluster, SearchTypes.Link, SearchTypes.Survey];

    public async Task<FacetedSearchResultDto> SearchAsync(string q, SearchFilters filters, int offset, int limit, CancellationToken ct)
    {
        var terms = SearchHighlighter.Terms(q);
        // Titles only: the normalised text of a region holds all its projects (tens of kilobytes at national scale),
        // so excerpts are read for the page shown, not for every match.
        // Any MaxMatches + 1 matches, in the order the index gives them, sorted here: with ORDER BY "Id", PostgreSQL walked
        // the primary key testing each entry against the pattern until a thousand matched (130 ms for a term matching
        // 2% of the entries at 100k projects) where taking the index's matches as they come costs what the bare query does.
        // Ids and titles only, through one plain command: EF's raw-SQL query and the entries' kind strings cost 2–3 ms of
        // the 4 that reading a thousand matches took at national scale. An entry's id says its kind and record (SearchEntryIds).
        var (sql, parameters) = new SearchQuery(db).MatchingSql(q);
        var entries = new List<(int Id, string Title, string? TitleEn)>();
        await SqlBatch.ReadAsync(db, [string.Create(CultureInfo.InvariantCulture, $"SELECT m.\"Id\", m.\"Title\", m.\"TitleEn\" FROM ({sql}) AS m LIMIT {MaxMatches + 1}")],
            parameters, (_, row) => entries.Add((row.GetInt32(0), row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2))), ct);
        entries.Sort((a, b) => a.Id.CompareTo(b.Id));
        var capped = entries.Count > MaxMatches;
        var profiles = new List<FacetProfile>(Math.Min(entries.Count, MaxMatches));
        foreach (var (entryId, title, titleEn) in entries.Take(MaxMatches))
        {
            if (SearchEntryIds.TryDecode(entryId, out var type, out var id))
            {
                profiles.Add(new FacetProfile { EntryId = entryId, Type = type, Id = id, Title = title, TitleEn = titleEn, TitleMatch = TitleMatches(title, titleEn, terms) });
            }
        }
        var facts = await factsCache.GetAsync(ct);
        var relations = new FacetRelations(db, facts);
        await relations.ApplyAsync(profiles, ct);
        profiles.RemoveAll(p => p.Code.Length == 0 && !FacetRelations.CodedLater(p.Type));

        var selected = new SelectedFacets(facts, filters);
        List<FacetCountDto> Count(string facet, int size, Action<FacetProfile, int[]> add, Func<int, (string Value, string Ja, string En)> label)
        {
            // Counted in an array over the facet's vocabulary: a thousand matches carry tens of thousands of values
            // (every programme of their regions).
            var counts = new int[size];
            foreach (var p in profiles)
            {
                if (selected.Passes(p, facet))
                {
                    add(p, counts);
                }
            }
            var result = new List<FacetCountDto>();
            for (var i = 0; i < size; i++)
            {
                if (counts[i] > 0)
                {
                    var (value, ja, en) = label(i);
                    result.Add(new FacetCountDto(value, ja, en, counts[i]));
                }
            }
            return [.. result.OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)];
        }

        var typeFacet = Count("type", TypeOrder.Length, (p, c) => c[Array.IndexOf(TypeOrder, p.Type)]++, i => (TypeOrder[i], TypeOrder[i], TypeOrder[i]))
            .OrderBy(f => Array.IndexOf(TypeOrder, f.Value)).ToList();
        var programmeFacet = Count("programme", facts.ProgrammesByIndex.Count, (p, c) => p.Programmes.CountInto(c), i => Programme(facts, i));
        var firstYear = profiles.Where(p => p.From is not null).Select(p => p.From!.Value).DefaultIfEmpty(0).Min();
        var lastYear = profiles.Where(p => p.To is not null).Select(p => p.To!.Value).DefaultIfEmpty(-1).Max();
        var yearFacet = Count("year", Math.Max(0, lastYear - firstYear + 1), (p, c) =>
            {
                if (p.From is { } from)
                {
                    for (var y = from; y <= p.To!.Value; y++)
                    {
                        c[y - firstYear]++;
                    }
                }
            }, i =>
            {
                var fy = new FiscalYear(firstYear + i);
                return ((firstYear + i).ToString(CultureInfo.InvariantCulture), fy.JapaneseLabel, fy.EnglishLabel);
            })
            .OrderBy(f => f.Value, StringComparer.Ordinal).ToList();
        var fieldFacet = Count("field", facts.Fields.Count, (p, c) => p.Fields.CountInto(c), i => (facts.Fields[i], facts.Fields[i], facts.Fields[i]));
        var prefectureFacet = Count("prefecture", facts.Prefectures.Count, (p, c) => p.Prefectures.CountInto(c), i => (facts.Prefectures[i], facts.Prefectures[i], facts.Prefectures[i]));
        var ministryFacet = Count("ministry", facts.Ministries.Count, (p, c) => p.Ministries.CountInto(c), i => facts.Ministries[i]);

        var hits = profiles.Where(p => selected.Passes(p, "")).OrderByDescending(p => p.TitleMatch)
            .ThenBy(p => Array.IndexOf(TypeOrder, p.Type)).ThenBy(p => p.Title, StringComparer.Ordinal).ToList();
        var shown = hits.Skip(offset).Take(limit).ToList();
        await relations.CodesAsync(shown, ct);
        shown.RemoveAll(p => p.Code.Length == 0);
        var excerpts = await ExcerptsAsync(shown.Where(p => !p.TitleMatch).Select(p => p.EntryId).ToList(), terms, ct);
        var page = shown.Select(p =>
        {
            // A project's hit names its region (a link's title already does; a person or organisation may have several).
            var region = p.Type == SearchTypes.Project ? p.Region : null;
            return new FacetedHitDto(p.Type, p.Id, p.Code, p.Title, p.TitleEn, excerpts.GetValueOrDefault(p.EntryId), p.RegionCode,
                FiscalYearDto.From(p.From), FiscalYearDto.From(p.To), [.. p.Programmes.Members().Select(i => facts.ProgrammesByIndex[i].Code)],
                [.. p.Fields.Members().Select(i => facts.Fields[i])], [.. p.Prefectures.Members().Select(i => facts.Prefectures[i])],
                [.. p.Ministries.Members().Select(i => facts.Ministries[i].Code)], region?.NameJa, region?.NameEn);
        }).ToList();
        return new FacetedSearchResultDto(q, page, hits.Count, offset, limit, capped, typeFacet, programmeFacet, yearFacet, fieldFacet, prefectureFacet, ministryFacet);
    }

    /// <summary>
    /// Whether every (normalised) term is in the title. Most titles of a common term's matches hold it as written, which
    /// settles it without normalising the title (the slow part: NFKC, kanji variants, for a thousand titles per search).
    /// </summary>
    private static bool TitleMatches(string title, string? titleEn, IReadOnlyList<string> terms)
    {
        if (terms.All(t => title.Contains(t, StringComparison.OrdinalIgnoreCase) || (titleEn?.Contains(t, StringComparison.OrdinalIgnoreCase) ?? false)))
        {
            return true;
        }
        var normalized = JapaneseText.Normalize(title + " " + titleEn);
        return terms.All(t => normalized.Contains(t, StringComparison.Ordinal));
    }

    private static (string, string, string) Programme(FacetFacts facts, int index)
    {
        var p = facts.ProgrammesByIndex[index];
        return (p.Code, p.NameJa, p.NameEn);
    }

    private async Task<Dictionary<int, string?>> ExcerptsAsync(List<int> entryIds, IReadOnlyList<string> terms, CancellationToken ct)
    {
        if (entryIds.Count == 0)
        {
            return [];
        }
        var texts = await db.SearchEntries.AsNoTracking().Where(e => entryIds.Contains(e.Id)).Select(e => new { e.Id, e.Normalized }).ToListAsync(ct);
        return texts.ToDictionary(t => t.Id, t => Excerpt(t.Normalized, terms));
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
