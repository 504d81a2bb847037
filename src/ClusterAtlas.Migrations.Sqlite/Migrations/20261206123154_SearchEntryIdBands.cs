using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Search entries numbered in one id band per kind (ClusterAtlas.Search.SearchEntryIds: kind's band × 2^27 + the
    /// record's id), so a search counts its matches by kind from the FTS5 rowids alone. The FTS5 tables read their
    /// rows from "SearchEntries" by id: the update trigger is taken off while the ids move and both are rebuilt after.
    /// Down keeps the numbers: they are valid ids for the code before this too.
    /// </summary>
    public partial class SearchEntryIdBands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM "SearchEntries" WHERE "EntityType" NOT IN ('region', 'project', 'programme', 'organisation', 'person', 'event', 'industrial-cluster', 'link', 'survey');
                DROP TRIGGER "SearchEntries_au";
                UPDATE "SearchEntries" SET "Id" = -"Id";
                UPDATE "SearchEntries" SET "Id" = (CASE "EntityType" WHEN 'region' THEN 0 WHEN 'programme' THEN 1 WHEN 'organisation' THEN 2 WHEN 'person' THEN 3 WHEN 'event' THEN 4 WHEN 'industrial-cluster' THEN 5 WHEN 'link' THEN 6 WHEN 'survey' THEN 7 WHEN 'project' THEN 8 END) * 134217728 + "EntityId";
                CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
                  INSERT INTO "SearchTrigrams"("SearchTrigrams", rowid, "Normalized") VALUES ('delete', old."Id", old."Normalized");
                  INSERT INTO "SearchBigrams"("SearchBigrams", rowid, "Bigrams") VALUES ('delete', old."Id", old."Bigrams");
                  INSERT INTO "SearchTrigrams"(rowid, "Normalized") VALUES (new."Id", new."Normalized");
                  INSERT INTO "SearchBigrams"(rowid, "Bigrams") VALUES (new."Id", new."Bigrams");
                END;
                INSERT INTO "SearchTrigrams"("SearchTrigrams") VALUES ('rebuild');
                INSERT INTO "SearchBigrams"("SearchBigrams") VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
