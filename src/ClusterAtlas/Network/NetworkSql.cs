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
    public static readonly string Named = $"""l."PartnerOrganisationId" IS NULL AND NOT {Blank("l.\"PartnerName\"")}""";

    /// <summary>A link to a country alone: neither an organisation nor a partner name, and a country other than Japan.</summary>
    public static readonly string Bare =
        $"""l."PartnerOrganisationId" IS NULL AND {Blank("l.\"PartnerName\"")} AND {ForeignCountry("l.\"CountryCode\"")}""";

    public const string Roles = """r."RegionId" IS NOT NULL AND r."OrganisationId" IS NOT NULL""";

    /// <summary>
    /// True when the text is null or only the whitespace <see cref="NetworkBuilder.IsBlank"/> trims: SQL's TRIM takes
    /// spaces alone, and names typed as a full-width space 「　」 must not become partners in the counts only.
    /// </summary>
    public static string Blank(string column) =>
        $"({column} IS NULL OR TRIM(REPLACE(REPLACE(REPLACE(REPLACE({column}, '\t', ' '), '\n', ' '), '\r', ' '), '\u3000', ' ')) = '')";

    /// <summary>A country code that draws a country node (<see cref="NetworkBuilder.IsForeignCountry"/>).</summary>
    public static string ForeignCountry(string column) => $"NOT {Blank(column)} AND {column} <> 'JP'";

    /// <summary>
    /// Every region with its number of distinct neighbours (COUNT DISTINCT per side reads the indexes in order); partner
    /// names count as written, which is close enough to rank by.
    /// </summary>
    public static Task<List<RankedRegion>> RankedRegionsAsync(AtlasDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<RankedRegion>(RankedRegionsSql).ToListAsync(ct);

    // SQL text from constants only (no values), built once.
    private static readonly string RankedRegionsSql = $"""
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
        """;
}
