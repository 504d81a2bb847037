using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Full-text indexes over SearchEntries (external content, kept in step by triggers):
    /// SearchTrigrams (FTS5 trigram) answers terms of 3+ characters; SearchBigrams (FTS5 unicode61 over the
    /// space-separated character bigrams) answers 2-character Japanese terms, which trigram silently misses.
    /// </summary>
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchTrigrams" USING fts5("Normalized", content='SearchEntries', content_rowid='Id', tokenize='trigram');
                CREATE VIRTUAL TABLE "SearchBigrams" USING fts5("Bigrams", content='SearchEntries', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
                CREATE TRIGGER "SearchEntries_ai" AFTER INSERT ON "SearchEntries" BEGIN
                  INSERT INTO "SearchTrigrams"(rowid, "Normalized") VALUES (new."Id", new."Normalized");
                  INSERT INTO "SearchBigrams"(rowid, "Bigrams") VALUES (new."Id", new."Bigrams");
                END;
                CREATE TRIGGER "SearchEntries_ad" AFTER DELETE ON "SearchEntries" BEGIN
                  INSERT INTO "SearchTrigrams"("SearchTrigrams", rowid, "Normalized") VALUES ('delete', old."Id", old."Normalized");
                  INSERT INTO "SearchBigrams"("SearchBigrams", rowid, "Bigrams") VALUES ('delete', old."Id", old."Bigrams");
                END;
                CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
                  INSERT INTO "SearchTrigrams"("SearchTrigrams", rowid, "Normalized") VALUES ('delete', old."Id", old."Normalized");
                  INSERT INTO "SearchBigrams"("SearchBigrams", rowid, "Bigrams") VALUES ('delete', old."Id", old."Bigrams");
                  INSERT INTO "SearchTrigrams"(rowid, "Normalized") VALUES (new."Id", new."Normalized");
                  INSERT INTO "SearchBigrams"(rowid, "Bigrams") VALUES (new."Id", new."Bigrams");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "SearchEntries_au"; DROP TRIGGER "SearchEntries_ad"; DROP TRIGGER "SearchEntries_ai";
                DROP TABLE "SearchBigrams"; DROP TABLE "SearchTrigrams";
                """);
        }
    }
}
