using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegionPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_RegionId_FromDate_OrganisationId",
                table: "RoleAssignments",
                columns: new[] { "RegionId", "FromDate", "OrganisationId" });

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
                name: "IX_Participations_RegionId_StartFiscalYear_ListNo",
                table: "Participations");
        }
    }
}
