using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MapGroupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Participations_Labelled",
                table: "Participations",
                columns: new[] { "RegionId", "StartFiscalYear", "ListNo" },
                filter: "\"GroupLabel\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participations_Labelled",
                table: "Participations");
        }
    }
}
