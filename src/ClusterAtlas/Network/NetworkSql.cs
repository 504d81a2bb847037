using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Network;

/// <summary>
/// What the graph's SQL shares: which rows draw which kind of edge, and the regions ranked by their neighbours. Plain SQL
/// (the same text for SQLite and PostgreSQL), as in <see cref="NetworkConnections"/>: unions of aggregates, counted
/// DISTINCT and ranked with ROW_NUMBER, read more clearly than the LINQ that would have to produce them.
/// </summary>
internal static class NetworkSql
{
    /// <summary>A link to a partner without an organisation record (the graph keys it by its normalised name).</summary>
    public const string Named = """l."PartnerOrganisationId" IS NULL AND l."PartnerName" IS NOT NULL AND TRIM(l."PartnerName") <> ''""";

    /// <summary>A link to a country alone: neither an organisation nor a partner name, and a country other than Japan.</summary>
    public const string Bare = """
        l."PartnerOrganisationId" IS NULL AND (l."PartnerName" IS NULL OR TRIM(l."PartnerName") = '')
        AND l."CountryCode" IS NOT NULL AND TRIM(l."CountryCode") <> '' AND l."CountryCode" <> 'JP'
        """;

    public const string Roles = """r."RegionId" IS NOT NULL AND r."OrganisationId" IS NOT NULL""";

    /// <summary>
    /// Every region with its number of distinct neighbours (COUNT DISTINCT per side reads the indexes in order); partner
    /// names count as written, which is close enough to rank by.
    /// </summary>
    public static Task<List<RankedRegion>> RankedRegionsAsync(AtlasDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<RankedRegion>($"""
            SELECT g."Id", g."Code", g."NameJa", g."NameEn",
                COALESCE(p."N", 0) + COALESCE(o."N", 0) + COALESCE(f."N", 0) + COALESCE(c."N", 0) AS "Neighbours"
            FROM "Regions" AS g
            LEFT JOIN (SELECT "RegionId", COUNT(DISTINCT "ProgrammeId") AS "N" FROM "Participations" GROUP BY "RegionId") AS p ON p."RegionId" = g."Id"
            LEFT JOIN (
                SELECT u."RegionId", COUNT(DISTINCT u."OrganisationId") AS "N" FROM (
                    SELECT r."RegionId", r."OrganisationId" FROM "RoleAssignments" AS r WHERE {Roles}
                    UNION ALL SELECT l."RegionId", l."PartnerOrganisationId" FROM "InternationalLinks" AS l WHERE l."PartnerOrganisationId" IS NOT NULL
                ) AS u GROUP BY u."RegionId"
            ) AS o ON o."RegionId" = g."Id"
            LEFT JOIN (SELECT l."RegionId", COUNT(DISTINCT l."PartnerName") AS "N" FROM "InternationalLinks" AS l WHERE {Named} GROUP BY l."RegionId") AS f
                ON f."RegionId" = g."Id"
            LEFT JOIN (SELECT l."RegionId", COUNT(DISTINCT l."CountryCode") AS "N" FROM "InternationalLinks" AS l WHERE {Bare} GROUP BY l."RegionId") AS c
                ON c."RegionId" = g."Id"
            """).ToListAsync(ct);
}
