using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.Sqlite.Reporting
{
    /// <inheritdoc />
    public partial class ReportingDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reporting_VisitFacts_TrialId_SiteId",
                table: "reporting_VisitFacts");

            migrationBuilder.DropIndex(
                name: "IX_reporting_DeviationFacts_TrialId_SiteId",
                table: "reporting_DeviationFacts");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_VisitFacts_TrialId_SiteId_Status_Latest_OutOfWindow",
                table: "reporting_VisitFacts",
                columns: new[] { "TrialId", "SiteId", "Status", "Latest", "OutOfWindow" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_DeviationFacts_TrialId_SiteId_Severity",
                table: "reporting_DeviationFacts",
                columns: new[] { "TrialId", "SiteId", "Severity" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reporting_VisitFacts_TrialId_SiteId_Status_Latest_OutOfWindow",
                table: "reporting_VisitFacts");

            migrationBuilder.DropIndex(
                name: "IX_reporting_DeviationFacts_TrialId_SiteId_Severity",
                table: "reporting_DeviationFacts");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_VisitFacts_TrialId_SiteId",
                table: "reporting_VisitFacts",
                columns: new[] { "TrialId", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_DeviationFacts_TrialId_SiteId",
                table: "reporting_DeviationFacts",
                columns: new[] { "TrialId", "SiteId" });
        }
    }
}
