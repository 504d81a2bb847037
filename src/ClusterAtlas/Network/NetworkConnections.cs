using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>
/// One distinct connection of a region: every row that would draw the same edge (a region's many participations in one
/// track and term, its roles with one organisation and title) collapses into one, with the id of its first row so that
/// the graph is built in the same order as from the rows themselves. <see cref="Rank"/> orders a region's neighbours
/// on one <see cref="Side"/> by how connected they are (the regions each connects to), most first.
/// </summary>
internal sealed class NetworkConnection
{
    public const int Participation = 0, Role = 1, OrganisationLink = 2, PartnerLink = 3, CountryLink = 4;
    public const int ProgrammeSide = 0, PartnerSide = 1, CountrySide = 2;

    public int RegionId { get; init; }
    public int Kind { get; init; }
    public int Side { get; init; }
    /// <summary>Programme or organisation id.</summary>
    public int? NeighbourId { get; init; }
    /// <summary>Programme or organisation code; the partner name or country code of a link without an organisation.</summary>
    public required string NeighbourCode { get; init; }
    public string? OrganisationNameJa { get; init; }
    public string? OrganisationNameEn { get; init; }
    public string? OrganisationCountry { get; init; }
    public string? PartnerName { get; init; }
    public string? CountryCode { get; init; }
    public int? StartFiscalYear { get; init; }
    public int? EndFiscalYear { get; init; }
    public string? Title { get; init; }
    public int FirstId { get; init; }
    public long Rank { get; init; }
}

/// <summary>A region with the number of its distinct neighbours (programmes, organisations, foreign partners, countries).</summary>
internal sealed class RankedRegion
{
    public int Id { get; init; }
    public required string Code { get; init; }
    public required string NameJa { get; init; }
    public required string NameEn { get; init; }
    public long Neighbours { get; init; }
}

/// <summary>The two reads of connections: all of them (a graph within the limits), or each region's top neighbours.</summary>
internal static class NetworkConnections
{
    private const string Columns = """
        NULL AS "OrganisationNameJa", NULL AS "OrganisationNameEn", NULL AS "OrganisationCountry", NULL AS "PartnerName", NULL AS "CountryCode"
        """;

    /// <summary>Every distinct connection: as many as the whole graph has edges, so only for a graph within the limits.</summary>
    public static Task<List<NetworkConnection>> AllAsync(AtlasDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<NetworkConnection>(AllSql).ToListAsync(ct);

    // SQL text from constants only (no values), built once.
    private static readonly string AllSql = $"""
        SELECT p."RegionId", {NetworkConnection.Participation} AS "Kind", {NetworkConnection.ProgrammeSide} AS "Side",
            p."ProgrammeId" AS "NeighbourId", g."Code" AS "NeighbourCode", {Columns},
            p."StartFiscalYear", p."EndFiscalYear", NULL AS "Title", MIN(p."Id") AS "FirstId", CAST(0 AS BIGINT) AS "Rank"
        FROM "Participations" AS p JOIN "Programmes" AS g ON g."Id" = p."ProgrammeId"
        GROUP BY p."RegionId", p."ProgrammeId", g."Code", p."StartFiscalYear", p."EndFiscalYear"
        UNION ALL
        SELECT x."RegionId", x."Kind", {NetworkConnection.PartnerSide}, x."OrganisationId", o."Code", o."NameJa", o."NameEn", o."CountryCode",
            NULL, NULL, NULL, NULL, x."Title", x."FirstId", 0
        FROM (
            SELECT r."RegionId", {NetworkConnection.Role} AS "Kind", r."OrganisationId", r."Title", MIN(r."Id") AS "FirstId"
            FROM "RoleAssignments" AS r WHERE {NetworkSql.Roles} GROUP BY r."RegionId", r."OrganisationId", r."Title"
            UNION ALL
            SELECT l."RegionId", {NetworkConnection.OrganisationLink}, l."PartnerOrganisationId", NULL, MIN(l."Id")
            FROM "InternationalLinks" AS l WHERE l."PartnerOrganisationId" IS NOT NULL GROUP BY l."RegionId", l."PartnerOrganisationId"
        ) AS x JOIN "Organisations" AS o ON o."Id" = x."OrganisationId"
        UNION ALL
        SELECT l."RegionId", {NetworkConnection.PartnerLink}, {NetworkConnection.PartnerSide}, NULL, l."PartnerName", NULL, NULL, NULL,
            l."PartnerName", l."CountryCode", NULL, NULL, NULL, MIN(l."Id"), 0
        FROM "InternationalLinks" AS l WHERE {NetworkSql.Named} GROUP BY l."RegionId", l."PartnerName", l."CountryCode"
        UNION ALL
        SELECT l."RegionId", {NetworkConnection.CountryLink}, {NetworkConnection.CountrySide}, NULL, l."CountryCode", NULL, NULL, NULL,
            NULL, l."CountryCode", NULL, NULL, NULL, MIN(l."Id"), 0
        FROM "InternationalLinks" AS l WHERE {NetworkSql.Bare} GROUP BY l."RegionId", l."CountryCode"
        """;

    /// <summary>
    /// For each of <paramref name="regionIds"/>, its first connection (the edge its first row draws) to each of its
    /// <paramref name="perSide"/> most connected neighbours on each side; ties by code. The database still counts
    /// every neighbour's regions over the whole registry.
    /// </summary>
    public static Task<List<NetworkConnection>> TopAsync(AtlasDbContext db, int perSide, IReadOnlyCollection<int> regionIds, CancellationToken ct) =>
        db.Database.SqlQueryRaw<NetworkConnection>(TopSql, perSide).Where(c => regionIds.Contains(c.RegionId)).ToListAsync(ct);

    // From constants too; the rank limit is the one value, a parameter ({0}). The ranking reads narrow rows (ids,
    // codes, degrees) and only the top ones fetch their names, terms and titles by primary key.
    private static readonly string TopSql = $$"""
        SELECT t."RegionId", t."Kind", t."Side", t."NeighbourId", t."NeighbourCode", o."NameJa" AS "OrganisationNameJa",
            o."NameEn" AS "OrganisationNameEn", o."CountryCode" AS "OrganisationCountry", k."PartnerName", k."CountryCode",
            p."StartFiscalYear", p."EndFiscalYear", r."Title", t."FirstId", t."Rank"
        FROM (
            SELECT n.*, ROW_NUMBER() OVER (PARTITION BY n."RegionId", n."Side" ORDER BY n."Degree" DESC, n."NeighbourCode", n."FirstId") AS "Rank"
            FROM (
                SELECT f."RegionId", {{NetworkConnection.Participation}} AS "Kind", {{NetworkConnection.ProgrammeSide}} AS "Side",
                    f."ProgrammeId" AS "NeighbourId", g."Code" AS "NeighbourCode", d."Degree", f."FirstId"
                FROM (SELECT "RegionId", "ProgrammeId", MIN("Id") AS "FirstId" FROM "Participations" GROUP BY "RegionId", "ProgrammeId") AS f
                JOIN (SELECT "ProgrammeId", COUNT(DISTINCT "RegionId") AS "Degree" FROM "Participations" GROUP BY "ProgrammeId") AS d
                    ON d."ProgrammeId" = f."ProgrammeId"
                JOIN "Programmes" AS g ON g."Id" = f."ProgrammeId"
                UNION ALL
                SELECT x."RegionId", x."Kind", {{NetworkConnection.PartnerSide}}, x."OrganisationId", o."Code", d."Degree", x."FirstId"
                FROM (
                    SELECT r."RegionId", {{NetworkConnection.Role}} AS "Kind", r."OrganisationId", MIN(r."Id") AS "FirstId"
                    FROM "RoleAssignments" AS r WHERE {{NetworkSql.Roles}} GROUP BY r."RegionId", r."OrganisationId"
                    UNION ALL
                    SELECT l."RegionId", {{NetworkConnection.OrganisationLink}}, l."PartnerOrganisationId", MIN(l."Id")
                    FROM "InternationalLinks" AS l WHERE l."PartnerOrganisationId" IS NOT NULL GROUP BY l."RegionId", l."PartnerOrganisationId"
                ) AS x
                JOIN (
                    SELECT u."OrganisationId", COUNT(DISTINCT u."RegionId") AS "Degree" FROM (
                        SELECT r."RegionId", r."OrganisationId" FROM "RoleAssignments" AS r WHERE {{NetworkSql.Roles}}
                        UNION ALL SELECT l."RegionId", l."PartnerOrganisationId" FROM "InternationalLinks" AS l WHERE l."PartnerOrganisationId" IS NOT NULL
                    ) AS u GROUP BY u."OrganisationId"
                ) AS d ON d."OrganisationId" = x."OrganisationId"
                JOIN "Organisations" AS o ON o."Id" = x."OrganisationId"
                UNION ALL
                SELECT f."RegionId", {{NetworkConnection.PartnerLink}}, {{NetworkConnection.PartnerSide}}, NULL, f."PartnerName", d."Degree", f."FirstId"
                FROM (SELECT l."RegionId", l."PartnerName", MIN(l."Id") AS "FirstId" FROM "InternationalLinks" AS l WHERE {{NetworkSql.Named}}
                    GROUP BY l."RegionId", l."PartnerName") AS f
                JOIN (SELECT l."PartnerName", COUNT(DISTINCT l."RegionId") AS "Degree" FROM "InternationalLinks" AS l WHERE {{NetworkSql.Named}}
                    GROUP BY l."PartnerName") AS d ON d."PartnerName" = f."PartnerName"
                UNION ALL
                SELECT l."RegionId", {{NetworkConnection.CountryLink}}, {{NetworkConnection.CountrySide}}, NULL, l."CountryCode", d."Degree", MIN(l."Id")
                FROM "InternationalLinks" AS l
                JOIN (SELECT l."CountryCode", COUNT(DISTINCT l."RegionId") AS "Degree" FROM "InternationalLinks" AS l WHERE {{NetworkSql.Bare}}
                    GROUP BY l."CountryCode") AS d ON d."CountryCode" = l."CountryCode"
                WHERE {{NetworkSql.Bare}}
                GROUP BY l."RegionId", l."CountryCode", d."Degree"
            ) AS n
        ) AS t
        LEFT JOIN "Participations" AS p ON t."Kind" = {{NetworkConnection.Participation}} AND p."Id" = t."FirstId"
        LEFT JOIN "RoleAssignments" AS r ON t."Kind" = {{NetworkConnection.Role}} AND r."Id" = t."FirstId"
        LEFT JOIN "InternationalLinks" AS k ON t."Kind" IN ({{NetworkConnection.PartnerLink}}, {{NetworkConnection.CountryLink}}) AND k."Id" = t."FirstId"
        LEFT JOIN "Organisations" AS o ON t."Kind" IN ({{NetworkConnection.Role}}, {{NetworkConnection.OrganisationLink}}) AND o."Id" = t."NeighbourId"
        WHERE t."Rank" <= {0}
        """;
}
