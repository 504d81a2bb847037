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
                name: "IX_RoleAssignments_RegionId_FromDate_OrganisationId",
                table: "RoleAssignments",
                columns: new[] { "RegionId", "FromDate", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Participations_RegionId_ProgrammeId_StartFiscalYear_EndFiscalYear",
                table: "Participations",
                columns: new[] { "RegionId", "ProgrammeId", "StartFiscalYear", "EndFiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Participations_RegionId_StartFiscalYear_ListNo",
                table: "Participations",
                columns: new[] { "RegionId", "StartFiscalYear", "ListNo" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoleAssignments_RegionId_FromDate_OrganisationId",
                table: "RoleAssignments");

            migrationBuilder.DropIndex(
                name: "IX_Participations_RegionId_ProgrammeId_StartFiscalYear_EndFiscalYear",
                table: "Participations");

            migrationBuilder.DropIndex(
                name: "IX_Participations_RegionId_StartFiscalYear_ListNo",
                table: "Participations");

            migrationBuilder.CreateIndex(
                name: "IX_Participations_RegionId",
                table: "Participations",
                column: "RegionId");
        }
    }
}
