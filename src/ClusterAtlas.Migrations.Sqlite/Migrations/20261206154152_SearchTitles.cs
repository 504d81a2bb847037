using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Each entry's title alone (title and English title, normalised) and its bigrams, with FTS5 tables of their own
    /// (SearchTitleTrigrams, SearchTitleBigrams: the same tokenizers as SearchTrigrams / SearchBigrams), so the portal
    /// learns which of a thousand matches hold the terms in their title from the index instead of reading every title.
    /// Existing entries get the columns empty (null); ClusterAtlas.Search.SearchIndexUpgrade rebuilds the index on the
    /// next start, which fills them (the normalisation is C#, not SQL). The triggers are re-created for four tables.
    /// The title bigram table keeps rowids only (detail=none): every query of it is single tokens ANDed, which need no
    /// positions (the trigram table needs them: a term of 4+ characters is a phrase of its trigrams).
    /// </summary>
    public partial class SearchTitles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TitleBigrams",
                table: "SearchEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleNormalized",
                table: "SearchEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchTitleTrigrams" USING fts5("TitleNormalized", content='SearchEntries', content_rowid='Id', tokenize='trigram');
                CREATE VIRTUAL TABLE "SearchTitleBigrams" USING fts5("TitleBigrams", content='SearchEntries', content_rowid='Id', tokenize='unicode61 remove_diacritics 0', detail='none');
                DROP TRIGGER "SearchEntries_ai"; DROP TRIGGER "SearchEntries_ad"; DROP TRIGGER "SearchEntries_au";
                CREATE TRIGGER "SearchEntries_ai" AFTER INSERT ON "SearchEntries" BEGIN
                  INSERT INTO "SearchTrigrams"(rowid, "Normalized") VALUES (new."Id", new."Normalized");
                  INSERT INTO "SearchBigrams"(rowid, "Bigrams") VALUES (new."Id", new."Bigrams");
                  INSERT INTO "SearchTitleTrigrams"(rowid, "TitleNormalized") VALUES (new."Id", new."TitleNormalized");
                  INSERT INTO "SearchTitleBigrams"(rowid, "TitleBigrams") VALUES (new."Id", new."TitleBigrams");
                END;
                CREATE TRIGGER "SearchEntries_ad" AFTER DELETE ON "SearchEntries" BEGIN
                  INSERT INTO "SearchTrigrams"("SearchTrigrams", rowid, "Normalized") VALUES ('delete', old."Id", old."Normalized");
                  INSERT INTO "SearchBigrams"("SearchBigrams", rowid, "Bigrams") VALUES ('delete', old."Id", old."Bigrams");
                  INSERT INTO "SearchTitleTrigrams"("SearchTitleTrigrams", rowid, "TitleNormalized") VALUES ('delete', old."Id", old."TitleNormalized");
                  INSERT INTO "SearchTitleBigrams"("SearchTitleBigrams", rowid, "TitleBigrams") VALUES ('delete', old."Id", old."TitleBigrams");
                END;
                CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
                  INSERT INTO "SearchTrigrams"("SearchTrigrams", rowid, "Normalized") VALUES ('delete', old."Id", old."Normalized");
                  INSERT INTO "SearchBigrams"("SearchBigrams", rowid, "Bigrams") VALUES ('delete', old."Id", old."Bigrams");
                  INSERT INTO "SearchTitleTrigrams"("SearchTitleTrigrams", rowid, "TitleNormalized") VALUES ('delete', old."Id", old."TitleNormalized");
                  INSERT INTO "SearchTitleBigrams"("SearchTitleBigrams", rowid, "TitleBigrams") VALUES ('delete', old."Id", old."TitleBigrams");
                  INSERT INTO "SearchTrigrams"(rowid, "Normalized") VALUES (new."Id", new."Normalized");
                  INSERT INTO "SearchBigrams"(rowid, "Bigrams") VALUES (new."Id", new."Bigrams");
                  INSERT INTO "SearchTitleTrigrams"(rowid, "TitleNormalized") VALUES (new."Id", new."TitleNormalized");
                  INSERT INTO "SearchTitleBigrams"(rowid, "TitleBigrams") VALUES (new."Id", new."TitleBigrams");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "SearchEntries_ai"; DROP TRIGGER "SearchEntries_ad"; DROP TRIGGER "SearchEntries_au";
                DROP TABLE "SearchTitleBigrams"; DROP TABLE "SearchTitleTrigrams";
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

            migrationBuilder.DropColumn(
                name: "TitleBigrams",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "TitleNormalized",
                table: "SearchEntries");
        }
    }
}
