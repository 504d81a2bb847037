using ClusterAtlas.Data;
using ClusterAtlas.Japanese;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>How many nodes and edges the whole graph has (edges unique by source, target and label, as drawn).</summary>
public sealed record NetworkTotalsDto(int Nodes, int Edges);

/// <summary>A programme and whether a region takes part in it (it and its ancestors are then nodes).</summary>
internal sealed record NetworkProgramme(int Id, string Code, string NameJa, string NameEn, int? ParentId, bool Participated);

/// <summary>
/// The totals of the whole graph from COUNTs in SQL. Two parts need C#: the programme tree (a handful of rows), and the
/// keys of partners without an organisation record, which are their names normalised (NFKC, case, kanji variants), so
/// the distinct (name, country) pairs are read and only the regions of names that fold together are read to correct
/// the SQL count of (region, name) pairs.
/// </summary>
internal static class NetworkCounts
{
    private sealed class Counts
    {
        public long Regions { get; init; }
        public long Organisations { get; init; }
        public long Countries { get; init; }
        public long ParticipationEdges { get; init; }
        public long OrganisationEdges { get; init; }
        public long PartnerEdges { get; init; }
        public long CountryEdges { get; init; }
        public long OrganisationCountryEdges { get; init; }
    }

    // SQL text from constants only (no values), built once.
    private static readonly string CountsSql = $"""
        SELECT
            (SELECT COUNT(*) FROM "Regions") AS "Regions",
            (SELECT COUNT(DISTINCT o."Id") FROM (
                SELECT r."OrganisationId" AS "Id" FROM "RoleAssignments" AS r WHERE {NetworkSql.Roles}
                UNION ALL SELECT l."PartnerOrganisationId" FROM "InternationalLinks" AS l WHERE l."PartnerOrganisationId" IS NOT NULL) AS o) AS "Organisations",
            (SELECT COUNT(*) FROM (
                SELECT o."CountryCode" AS "Country" FROM "InternationalLinks" AS l JOIN "Organisations" AS o ON o."Id" = l."PartnerOrganisationId"
                UNION SELECT l."CountryCode" FROM "InternationalLinks" AS l WHERE l."PartnerOrganisationId" IS NULL) AS c
                WHERE {NetworkSql.ForeignCountry("c.\"Country\"")}) AS "Countries",
            (SELECT COUNT(*) FROM (
                SELECT DISTINCT "RegionId", "ProgrammeId", "StartFiscalYear", "EndFiscalYear" FROM "Participations") AS p) AS "ParticipationEdges",
            (SELECT COUNT(*) FROM (
                SELECT r."RegionId", r."OrganisationId", r."Title" FROM "RoleAssignments" AS r WHERE {NetworkSql.Roles}
                UNION SELECT l."RegionId", l."PartnerOrganisationId", '{NetworkBuilder.LinkJa}' FROM "InternationalLinks" AS l
                WHERE l."PartnerOrganisationId" IS NOT NULL) AS r) AS "OrganisationEdges",
            (SELECT COUNT(*) FROM (SELECT DISTINCT l."RegionId", l."PartnerName" FROM "InternationalLinks" AS l WHERE {NetworkSql.Named}) AS f) AS "PartnerEdges",
            (SELECT COUNT(*) FROM (SELECT DISTINCT l."RegionId", l."CountryCode" FROM "InternationalLinks" AS l WHERE {NetworkSql.Bare}) AS b) AS "CountryEdges",
            (SELECT COUNT(*) FROM (
                SELECT DISTINCT l."PartnerOrganisationId", o."CountryCode" AS "Country" FROM "InternationalLinks" AS l
                JOIN "Organisations" AS o ON o."Id" = l."PartnerOrganisationId") AS c WHERE {NetworkSql.ForeignCountry("c.\"Country\"")}) AS "OrganisationCountryEdges"
        """;

    public static async Task<NetworkTotalsDto> TotalsAsync(AtlasDbContext db, IReadOnlyDictionary<int, NetworkProgramme> programmes, CancellationToken ct)
    {
        var counts = (await db.Database.SqlQueryRaw<Counts>(CountsSql).ToListAsync(ct)).Single();
        var (programmeNodes, partOf) = ProgrammeTree(programmes);
        var names = (await db.InternationalLinks.AsNoTracking().Where(l => l.PartnerOrganisationId == null && l.PartnerName != null)
            .Select(l => new { Name = l.PartnerName!, l.CountryCode }).Distinct().ToListAsync(ct)).Where(n => !NetworkBuilder.IsBlank(n.Name)).ToList();
        var keys = names.Select(n => n.Name).Distinct(StringComparer.Ordinal).ToLookup(JapaneseText.Normalize, StringComparer.Ordinal);
        var partnerCountries = names.Where(n => NetworkBuilder.IsForeignCountry(n.CountryCode))
            .Select(n => (JapaneseText.Normalize(n.Name), n.CountryCode)).Distinct().Count();
        var partnerEdges = counts.PartnerEdges;
        var folded = keys.Where(k => k.Count() > 1).SelectMany(k => k).ToList();
        if (folded.Count > 0)
        {
            // Names that normalise to one key are one node: count their regions by key instead of by name.
            var pairs = await db.InternationalLinks.AsNoTracking().Where(l => l.PartnerOrganisationId == null && folded.Contains(l.PartnerName!))
                .Select(l => new { l.RegionId, Name = l.PartnerName! }).Distinct().ToListAsync(ct);
            partnerEdges += pairs.Select(p => (p.RegionId, JapaneseText.Normalize(p.Name))).Distinct().Count() - pairs.Count;
        }
        var nodes = counts.Regions + programmeNodes.Count + counts.Organisations + keys.Count + counts.Countries;
        var edges = partOf + counts.ParticipationEdges + counts.OrganisationEdges + partnerEdges + counts.CountryEdges
            + counts.OrganisationCountryEdges + partnerCountries;
        return new NetworkTotalsDto(checked((int)nodes), checked((int)edges));
    }

    /// <summary>The programmes that are nodes (those taken part in, and their ancestors) and their part-of edges.</summary>
    public static (HashSet<int> Nodes, int PartOf) ProgrammeTree(IReadOnlyDictionary<int, NetworkProgramme> programmes)
    {
        var nodes = new HashSet<int>();
        foreach (var p in programmes.Values.Where(p => p.Participated))
        {
            var q = p;
            while (q is not null && nodes.Add(q.Id))
            {
                q = q.ParentId is { } parent ? programmes.GetValueOrDefault(parent) : null;
            }
        }
        return (nodes, nodes.Count(id => programmes[id].ParentId is { } parent && programmes.ContainsKey(parent)));
    }
}
