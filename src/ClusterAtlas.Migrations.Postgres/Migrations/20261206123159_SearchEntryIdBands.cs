using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Search entries numbered in one id band per kind (ClusterAtlas.Search.SearchEntryIds: kind's band × 2^27 + the
    /// record's id), so a search counts its matches by kind from their ids alone. The rows move to the partitions of
    /// their new ids; the next full rebuild lays the partitions out by band. Down keeps the numbers.
    /// </summary>
    public partial class SearchEntryIdBands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM "SearchEntries" WHERE "EntityType" NOT IN ('region', 'project', 'programme', 'organisation', 'person', 'event', 'industrial-cluster', 'link', 'survey');
                UPDATE "SearchEntries" SET "Id" = -"Id";
                UPDATE "SearchEntries" SET "Id" = (CASE "EntityType" WHEN 'region' THEN 0 WHEN 'programme' THEN 1 WHEN 'organisation' THEN 2 WHEN 'person' THEN 3 WHEN 'event' THEN 4 WHEN 'industrial-cluster' THEN 5 WHEN 'link' THEN 6 WHEN 'survey' THEN 7 WHEN 'project' THEN 8 END) * 134217728 + "EntityId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
