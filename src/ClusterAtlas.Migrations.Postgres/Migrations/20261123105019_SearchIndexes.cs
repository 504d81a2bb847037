using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Postgres.Migrations
{
    /// <summary>
    /// pg_trgm GIN over the normalised text answers LIKE '%term%' for terms of 3+ characters; a generated text[]
    /// of the bigram tokens with a GIN index answers 2-character terms (pg_trgm yields no trigrams for them).
    /// Needs a database with a UTF-8 ctype, or pg_trgm extracts nothing from Japanese.
    /// </summary>
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                ALTER TABLE "SearchEntries" ADD COLUMN "BigramArray" text[] GENERATED ALWAYS AS (string_to_array("Bigrams", ' ')) STORED;
                CREATE INDEX "IX_SearchEntries_Normalized_trgm" ON "SearchEntries" USING gin ("Normalized" gin_trgm_ops);
                CREATE INDEX "IX_SearchEntries_BigramArray" ON "SearchEntries" USING gin ("BigramArray");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_SearchEntries_BigramArray";
                DROP INDEX "IX_SearchEntries_Normalized_trgm";
                ALTER TABLE "SearchEntries" DROP COLUMN "BigramArray";
                """);
        }
    }
}
