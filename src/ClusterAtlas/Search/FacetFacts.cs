using System.Collections.Concurrent;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>A programme as the facets show it, with its position in the programme facet's index.</summary>
public sealed record ProgrammeFact(int Id, int Index, string Code, string NameJa, string NameEn, int? ParentId, string? Ministry);

/// <summary>What a region contributes to the facets of the records that belong to it.</summary>
public sealed record RegionFact(string Code, string NameJa, string NameEn, FacetSet Programmes, FacetSet Ministries, FacetSet Fields, FacetSet Prefectures, int? From, int? To);

/// <summary>A vocabulary's values in ordinal order: each value's place (by its index) and the index at each place.</summary>
internal sealed record OrdinalOrder(int[] Ranks, int[] Indexes)
{
    public static OrdinalOrder Of(IReadOnlyList<string> values)
    {
        var indexes = Enumerable.Range(0, values.Count).OrderBy(i => values[i], StringComparer.Ordinal).ToArray();
        var ranks = new int[indexes.Length];
        for (var rank = 0; rank < indexes.Length; rank++)
        {
            ranks[indexes[rank]] = rank;
        }
        return new OrdinalOrder(ranks, indexes);
    }
}

/// <summary>
/// The facet vocabularies (programmes, ministries, fields, prefectures) and every region's facets, computed in a few
/// aggregate queries — one pass over the participations instead of loading each matched region's projects per search.
/// </summary>
public sealed class FacetFacts
{
    public required IReadOnlyDictionary<int, ProgrammeFact> Programmes { get; init; }
    public required IReadOnlyList<ProgrammeFact> ProgrammesByIndex { get; init; }
    public required IReadOnlyList<(string Code, string NameJa, string NameEn)> Ministries { get; init; }
    public required IReadOnlyList<string> Fields { get; init; }
    public required IReadOnlyList<string> Prefectures { get; init; }
    public required IReadOnlyDictionary<int, RegionFact> Regions { get; init; }

    // Worked out on first use (the facts never change): facet lists break ties in counts by value.
    internal OrdinalOrder ProgrammeOrder => programmeOrder ??= OrdinalOrder.Of([.. ProgrammesByIndex.Select(p => p.Code)]);
    internal OrdinalOrder FieldOrder => fieldOrder ??= OrdinalOrder.Of(Fields);
    internal OrdinalOrder PrefectureOrder => prefectureOrder ??= OrdinalOrder.Of(Prefectures);
    internal OrdinalOrder MinistryOrder => ministryOrder ??= OrdinalOrder.Of([.. Ministries.Select(m => m.Code)]);
    private OrdinalOrder? programmeOrder;
    private OrdinalOrder? fieldOrder;
    private OrdinalOrder? prefectureOrder;
    private OrdinalOrder? ministryOrder;

    /// <summary>The regions of every person and organisation (their roles, organisations' links).</summary>
    public FacetRoles Roles { get; private set; } = new();

    /// <summary>Every project's region, programme and years.</summary>
    public FacetProjects Projects { get; private set; } = new();

    /// <summary>Every international link's, event's, industrial cluster's and survey's code and values.</summary>
    internal FacetRecords Records { get; private set; } = new();

    private Dictionary<int, (FacetSet Programmes, FacetSet Ministries)> closures = [];

    /// <summary>How many people's and organisations' values <see cref="OfPerson"/> and <see cref="OfOrganisation"/> keep (each).</summary>
    internal const int TieValuesKept = 50_000;

    // What a person or organisation takes from its regions depends on these facts only, so it is worked out once per data
    // version: a search matching a thousand organisations absorbed their six thousand region ties (four set unions each,
    // 1.3 ms at 1M projects) on every query. Bounded (about 350 bytes each): beyond it a record is worked out each time.
    private readonly ConcurrentDictionary<int, FacetValues> personValues = new();
    private readonly ConcurrentDictionary<int, FacetValues> organisationValues = new();
    private int personValuesKept;
    private int organisationValuesKept;

    /// <summary>A programme with all its ancestors, and their ministries (a track counts for its programme too).</summary>
    public (FacetSet Programmes, FacetSet Ministries) Closure(int programmeId) =>
        closures.TryGetValue(programmeId, out var c) ? c : (FacetSet.Empty, FacetSet.Empty);

    /// <summary>The facets of the person's regions, with the years of the roles that tie it there (do not change it).</summary>
    internal FacetValues OfPerson(int personId) =>
        personValues.TryGetValue(personId, out var values) ? values : Keep(personValues, ref personValuesKept, personId, FromTies(Roles.OfPerson(personId)));

    /// <summary>The facets of the organisation's regions, with the years of its links (do not change it).</summary>
    internal FacetValues OfOrganisation(int organisationId) =>
        organisationValues.TryGetValue(organisationId, out var values)
            ? values
            : Keep(organisationValues, ref organisationValuesKept, organisationId, FromTies(Roles.OfOrganisation(organisationId)));

    private FacetValues FromTies(ReadOnlySpan<RegionTie> ties)
    {
        var values = new FacetValues();
        foreach (var tie in ties)
        {
            if (Regions.TryGetValue(tie.RegionId, out var region))
            {
                values.Absorb(region);
                values.Span(tie.From == 0 ? null : tie.From, tie.To == 0 ? null : tie.To);
            }
        }
        return values;
    }

    private static FacetValues Keep(ConcurrentDictionary<int, FacetValues> kept, ref int count, int id, FacetValues values)
    {
        if (Volatile.Read(ref count) < TieValuesKept && kept.TryAdd(id, values))
        {
            Interlocked.Increment(ref count);
        }
        return values;
    }

    public int MinistryIndex(string code)
    {
        for (var i = 0; i < Ministries.Count; i++)
        {
            if (Ministries[i].Code == code)
            {
                return i;
            }
        }
        return -1;
    }

    public static async Task<FacetFacts> LoadAsync(AtlasDbContext db, CancellationToken ct)
    {
        var ministries = await db.Ministries.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Code, m.NameJa, m.NameEn }).ToListAsync(ct);
        var programmeRows = await db.Programmes.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Code, p.NameJa, p.NameEn, p.ParentId, Ministry = p.Ministry == null ? null : p.Ministry.Code }).ToListAsync(ct);
        var programmes = programmeRows.Select((p, i) => new ProgrammeFact(p.Id, i, p.Code, p.NameJa, p.NameEn, p.ParentId, p.Ministry)).ToList();
        var facts = new FacetFacts
        {
            Programmes = programmes.ToDictionary(p => p.Id),
            ProgrammesByIndex = programmes,
            Ministries = [.. ministries.Select(m => (m.Code, m.NameJa, m.NameEn))],
            Fields = await db.RegionFields.AsNoTracking().Select(f => f.Field).Distinct().OrderBy(f => f).ToListAsync(ct),
            Prefectures = await db.RegionPrefectures.AsNoTracking().Select(p => p.Prefecture).Distinct().OrderBy(p => p).ToListAsync(ct),
            Regions = new Dictionary<int, RegionFact>(),
        };
        facts.closures = programmes.ToDictionary(p => p.Id, p => facts.BuildClosure(p.Id));
        facts.Projects = await FacetProjects.LoadAsync(db, ct);
        await facts.LoadRegionsAsync(db, ct);
        facts.Roles = await FacetRoles.LoadAsync(db, ct);
        facts.Records = await FacetRecords.LoadAsync(db, facts, ct);
        return facts;
    }

    private (FacetSet, FacetSet) BuildClosure(int programmeId)
    {
        var set = new FacetSet();
        var ministries = new FacetSet();
        // Bounded walk: a cycle in bad data must not hang a search.
        for (int? id = programmeId, steps = 0; id is { } current && Programmes.TryGetValue(current, out var p) && steps < 32; id = p.ParentId, steps++)
        {
            set.Add(p.Index);
            if (p.Ministry is { } m && MinistryIndex(m) is var mi and >= 0)
            {
                ministries.Add(mi);
            }
        }
        return (set, ministries);
    }

    private async Task LoadRegionsAsync(AtlasDbContext db, CancellationToken ct)
    {
        var regions = (Dictionary<int, RegionFact>)Regions;
        var fieldIndex = Fields.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
        var prefectureIndex = Prefectures.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        foreach (var r in await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Code, r.NameJa, r.NameEn }).ToListAsync(ct))
        {
            regions[r.Id] = new RegionFact(r.Code, r.NameJa, r.NameEn, new FacetSet(), new FacetSet(), new FacetSet(), new FacetSet(), null, null);
        }
        foreach (var f in await db.RegionFields.AsNoTracking().Select(f => new { f.RegionId, f.Field }).ToListAsync(ct))
        {
            regions[f.RegionId].Fields.Add(fieldIndex[f.Field]);
        }
        foreach (var p in await db.RegionPrefectures.AsNoTracking().Select(p => new { p.RegionId, p.Prefecture }).ToListAsync(ct))
        {
            regions[p.RegionId].Prefectures.Add(prefectureIndex[p.Prefecture]);
        }
        // Each region's programmes and years from the projects already in memory (Projects, read first): grouping them
        // again in SQL read every participation a second time per reload.
        var programmesOf = new HashSet<(int Region, int Programme)>();
        foreach (var p in Projects.All)
        {
            var region = regions[p.RegionId];
            if (programmesOf.Add((p.RegionId, p.ProgrammeId)))
            {
                var (programmes, ministries) = Closure(p.ProgrammeId);
                region.Programmes.UnionWith(programmes);
                region.Ministries.UnionWith(ministries);
            }
            if (region.From is null || p.From < region.From || p.To > region.To)
            {
                regions[p.RegionId] = region with
                {
                    From = region.From is null ? p.From : Math.Min(region.From.Value, p.From),
                    To = region.To is null ? p.To : Math.Max(region.To.Value, p.To),
                };
            }
        }
    }
}
