using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.Sqlite.Reporting
{
    /// <inheritdoc />
    public partial class ReportingReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reporting_SiteEnrollment");

            migrationBuilder.CreateTable(
                name: "reporting_DeviationFacts",
                columns: table => new
                {
                    DeviationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_DeviationFacts", x => x.DeviationId);
                });

            migrationBuilder.CreateTable(
                name: "reporting_IrbApprovalFacts",
                columns: table => new
                {
                    ApprovalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IrbId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Recognised = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LapsedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LapseReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_IrbApprovalFacts", x => new { x.ApprovalId, x.InstitutionId });
                });

            migrationBuilder.CreateTable(
                name: "reporting_SaeFacts",
                columns: table => new
                {
                    AdverseEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AwareAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_SaeFacts", x => x.AdverseEventId);
                });

            migrationBuilder.CreateTable(
                name: "reporting_SiteFacts",
                columns: table => new
                {
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatusAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TargetEnrollment = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_SiteFacts", x => x.SiteId);
                });

            migrationBuilder.CreateTable(
                name: "reporting_SiteMilestoneFacts",
                columns: table => new
                {
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Milestone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReachedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_SiteMilestoneFacts", x => new { x.SiteId, x.Milestone });
                });

            migrationBuilder.CreateTable(
                name: "reporting_SubjectFacts",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatusAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ScreenedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsentedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Eligible = table.Column<bool>(type: "INTEGER", nullable: true),
                    ScreenFailReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EligibilityAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EnrolledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArmId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ArmName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_SubjectFacts", x => x.SubjectId);
                });

            migrationBuilder.CreateTable(
                name: "reporting_VisitFacts",
                columns: table => new
                {
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Earliest = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Latest = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActualDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutOfWindow = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_VisitFacts", x => x.VisitId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_DeviationFacts_TrialId_SiteId",
                table: "reporting_DeviationFacts",
                columns: new[] { "TrialId", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_IrbApprovalFacts_TrialId_InstitutionId",
                table: "reporting_IrbApprovalFacts",
                columns: new[] { "TrialId", "InstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_SaeFacts_TrialId_Late",
                table: "reporting_SaeFacts",
                columns: new[] { "TrialId", "Late" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_SiteFacts_TrialId",
                table: "reporting_SiteFacts",
                column: "TrialId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_SiteMilestoneFacts_TrialId",
                table: "reporting_SiteMilestoneFacts",
                column: "TrialId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_SubjectFacts_TrialId_EnrolledOn",
                table: "reporting_SubjectFacts",
                columns: new[] { "TrialId", "EnrolledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_SubjectFacts_TrialId_SiteId",
                table: "reporting_SubjectFacts",
                columns: new[] { "TrialId", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_VisitFacts_SubjectId",
                table: "reporting_VisitFacts",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_VisitFacts_TrialId_SiteId",
                table: "reporting_VisitFacts",
                columns: new[] { "TrialId", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_VisitFacts_TrialId_Status_Latest",
                table: "reporting_VisitFacts",
                columns: new[] { "TrialId", "Status", "Latest" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reporting_DeviationFacts");

            migrationBuilder.DropTable(
                name: "reporting_IrbApprovalFacts");

            migrationBuilder.DropTable(
                name: "reporting_SaeFacts");

            migrationBuilder.DropTable(
                name: "reporting_SiteFacts");

            migrationBuilder.DropTable(
                name: "reporting_SiteMilestoneFacts");

            migrationBuilder.DropTable(
                name: "reporting_SubjectFacts");

            migrationBuilder.DropTable(
                name: "reporting_VisitFacts");

            migrationBuilder.CreateTable(
                name: "reporting_SiteEnrollment",
                columns: table => new
                {
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Enrolled = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEnrolledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_SiteEnrollment", x => x.SiteId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_SiteEnrollment_TrialId",
                table: "reporting_SiteEnrollment",
                column: "TrialId");
        }
    }
}
