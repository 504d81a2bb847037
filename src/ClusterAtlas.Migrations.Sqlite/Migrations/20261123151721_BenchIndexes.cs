using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participations_RegionId",
                table: "Participations");

            migrationBuilder.CreateIndex(
                name: "IX_Participations_RegionId_ProgrammeId_StartFiscalYear_EndFiscalYear",
                table: "Participations",
                columns: new[] { "RegionId", "ProgrammeId", "StartFiscalYear", "EndFiscalYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participations_RegionId_ProgrammeId_StartFiscalYear_EndFiscalYear",
                table: "Participations");

            migrationBuilder.CreateIndex(
                name: "IX_Participations_RegionId",
                table: "Participations",
                column: "RegionId");
        }
    }
}
