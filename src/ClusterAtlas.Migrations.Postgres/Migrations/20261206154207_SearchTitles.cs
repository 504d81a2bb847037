using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Each entry's title alone (title and English title, normalised) and its bigrams. PostgreSQL checks the title of
    /// each match in the row it reads anyway (no index); existing entries get them empty (null) until
    /// ClusterAtlas.Search.SearchIndexUpgrade rebuilds the index on the next start (the normalisation is C#, not SQL).
    /// </summary>
    public partial class SearchTitles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TitleBigrams",
                table: "SearchEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleNormalized",
                table: "SearchEntries",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TitleBigrams",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "TitleNormalized",
                table: "SearchEntries");
        }
    }
}
