using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegionFirstRowsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_InternationalLinks_RegionId_Id",
                table: "InternationalLinks",
                columns: new[] { "RegionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_RegionId_Id",
                table: "IndicatorObservations",
                columns: new[] { "RegionId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InternationalLinks_RegionId_Id",
                table: "InternationalLinks");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorObservations_RegionId_Id",
                table: "IndicatorObservations");
        }
    }
}
