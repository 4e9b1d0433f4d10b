using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.SqlServer.Reporting
{
    /// <inheritdoc />
    public partial class ReportingDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitFacts_TrialId_SiteId",
                schema: "reporting",
                table: "VisitFacts");

            migrationBuilder.DropIndex(
                name: "IX_DeviationFacts_TrialId_SiteId",
                schema: "reporting",
                table: "DeviationFacts");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFacts_TrialId_SiteId_Status_Latest_OutOfWindow",
                schema: "reporting",
                table: "VisitFacts",
                columns: new[] { "TrialId", "SiteId", "Status", "Latest", "OutOfWindow" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviationFacts_TrialId_SiteId_Severity",
                schema: "reporting",
                table: "DeviationFacts",
                columns: new[] { "TrialId", "SiteId", "Severity" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitFacts_TrialId_SiteId_Status_Latest_OutOfWindow",
                schema: "reporting",
                table: "VisitFacts");

            migrationBuilder.DropIndex(
                name: "IX_DeviationFacts_TrialId_SiteId_Severity",
                schema: "reporting",
                table: "DeviationFacts");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFacts_TrialId_SiteId",
                schema: "reporting",
                table: "VisitFacts",
                columns: new[] { "TrialId", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviationFacts_TrialId_SiteId",
                schema: "reporting",
                table: "DeviationFacts",
                columns: new[] { "TrialId", "SiteId" });
        }
    }
}
