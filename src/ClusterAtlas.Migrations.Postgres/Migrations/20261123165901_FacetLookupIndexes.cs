using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FacetLookupIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoleAssignments_OrganisationId",
                table: "RoleAssignments");

            migrationBuilder.DropIndex(
                name: "IX_RoleAssignments_PersonId",
                table: "RoleAssignments");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_OrganisationId_RegionId",
                table: "RoleAssignments",
                columns: new[] { "OrganisationId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_PersonId_RegionId_FromDate_ToDate",
                table: "RoleAssignments",
                columns: new[] { "PersonId", "RegionId", "FromDate", "ToDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoleAssignments_OrganisationId_RegionId",
                table: "RoleAssignments");

            migrationBuilder.DropIndex(
                name: "IX_RoleAssignments_PersonId_RegionId_FromDate_ToDate",
                table: "RoleAssignments");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_OrganisationId",
                table: "RoleAssignments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_PersonId",
                table: "RoleAssignments",
                column: "PersonId");
        }
    }
}
