using System.Globalization;
using ClusterAtlas.Japanese;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>A matched record's page code and facet values (do not change them: they are shared by every search).</summary>
internal sealed record CodedValues(string Code, FacetValues Values);

/// <summary>
/// The page codes and facet values of every international link, event, industrial cluster and survey, worked out once per
/// data version (tens of thousands at national scale, a few MB): reading the matched ones' rows cost every search that
/// matched any a command of its own, 0.1–0.3 ms, and matching a thousand projects took less.
/// </summary>
internal sealed class FacetRecords
{
    private readonly Dictionary<string, Dictionary<int, CodedValues>> byKind = new(StringComparer.Ordinal);

    /// <summary>The record's code and values; false for a record that is gone, or of a kind not held here.</summary>
    public bool TryGet(string type, int id, out CodedValues record)
    {
        record = null!;
        return byKind.TryGetValue(type, out var records) && records.TryGetValue(id, out record!);
    }

    public static async Task<FacetRecords> LoadAsync(AtlasDbContext db, FacetFacts facts, CancellationToken ct)
    {
        var result = new FacetRecords();
        Dictionary<int, CodedValues> Kind(string type) => result.byKind[type] = [];

        var links = Kind(SearchTypes.Link);
        foreach (var l in await db.InternationalLinks.AsNoTracking().Select(l => new { l.Id, l.RegionId, l.FiscalYear }).ToListAsync(ct))
        {
            var values = new FacetValues();
            if (facts.Regions.TryGetValue(l.RegionId, out var region))
            {
                values.Absorb(region);
            }
            values.Span(l.FiscalYear, l.FiscalYear);
            links[l.Id] = new CodedValues(l.Id.ToString(CultureInfo.InvariantCulture), values);
        }

        var events = Kind(SearchTypes.Event);
        foreach (var e in await db.Events.AsNoTracking().Select(e => new { e.Id, e.Code, e.ProgrammeId, e.FiscalYear, e.StartDate, e.Organisers }).ToListAsync(ct))
        {
            var values = new FacetValues();
            values.AddProgramme(facts, e.ProgrammeId);
            var year = e.FiscalYear ?? (e.StartDate is { } d ? FiscalYear.Of(d).StartYear : null);
            values.Span(year, year);
            foreach (var organiser in (e.Organisers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (facts.MinistryIndex(organiser) is var m and >= 0)
                {
                    values.Ministries.Add(m);
                }
            }
            events[e.Id] = new CodedValues(e.Code, values);
        }

        // The METI industrial-cluster projects belong to 産業クラスター計画 (code "ic") though the data has no link to it.
        var industrialCluster = facts.ProgrammesByIndex.FirstOrDefault(p => p.Code == "ic");
        var clusters = Kind(SearchTypes.IndustrialCluster);
        foreach (var c in await db.IndustrialClusterProjects.AsNoTracking().Select(c => new { c.Id, c.Code, c.AsOfYear }).ToListAsync(ct))
        {
            var values = new FacetValues();
            values.AddProgramme(facts, industrialCluster?.Id);
            values.Span(c.AsOfYear, c.AsOfYear);
            clusters[c.Id] = new CodedValues(c.Code, values);
        }

        var surveys = Kind(SearchTypes.Survey);
        foreach (var s in await db.Surveys.AsNoTracking().Select(s => new { s.Id, s.Code, s.ProgrammeId, s.FiscalYear }).ToListAsync(ct))
        {
            var values = new FacetValues();
            values.AddProgramme(facts, s.ProgrammeId);
            values.Span(s.FiscalYear, s.FiscalYear);
            surveys[s.Id] = new CodedValues(s.Code, values);
        }
        return result;
    }
}
