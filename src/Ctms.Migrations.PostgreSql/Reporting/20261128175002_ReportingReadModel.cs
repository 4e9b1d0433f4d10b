using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.PostgreSql.Reporting
{
    /// <inheritdoc />
    public partial class ReportingReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SiteEnrollment",
                schema: "reporting");

            migrationBuilder.CreateTable(
                name: "DeviationFacts",
                schema: "reporting",
                columns: table => new
                {
                    DeviationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviationFacts", x => x.DeviationId);
                });

            migrationBuilder.CreateTable(
                name: "IrbApprovalFacts",
                schema: "reporting",
                columns: table => new
                {
                    ApprovalId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    IrbId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Recognised = table.Column<bool>(type: "boolean", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LapsedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LapseReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IrbApprovalFacts", x => new { x.ApprovalId, x.InstitutionId });
                });

            migrationBuilder.CreateTable(
                name: "SaeFacts",
                schema: "reporting",
                columns: table => new
                {
                    AdverseEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Term = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AwareAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaeFacts", x => x.AdverseEventId);
                });

            migrationBuilder.CreateTable(
                name: "SiteFacts",
                schema: "reporting",
                columns: table => new
                {
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StatusAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TargetEnrollment = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteFacts", x => x.SiteId);
                });

            migrationBuilder.CreateTable(
                name: "SiteMilestoneFacts",
                schema: "reporting",
                columns: table => new
                {
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Milestone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReachedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteMilestoneFacts", x => new { x.SiteId, x.Milestone });
                });

            migrationBuilder.CreateTable(
                name: "SubjectFacts",
                schema: "reporting",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StatusAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ScreenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsentedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Eligible = table.Column<bool>(type: "boolean", nullable: true),
                    ScreenFailReasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EligibilityAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EnrolledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArmId = table.Column<Guid>(type: "uuid", nullable: true),
                    ArmName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Completed = table.Column<bool>(type: "boolean", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectFacts", x => x.SubjectId);
                });

            migrationBuilder.CreateTable(
                name: "VisitFacts",
                schema: "reporting",
                columns: table => new
                {
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Earliest = table.Column<DateOnly>(type: "date", nullable: false),
                    Latest = table.Column<DateOnly>(type: "date", nullable: false),
                    ActualDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OutOfWindow = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitFacts", x => x.VisitId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeviationFacts_TrialId_SiteId",
                schema: "reporting",
                table: "DeviationFacts",
                columns: new[] { "TrialId", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_IrbApprovalFacts_TrialId_InstitutionId",
                schema: "reporting",
                table: "IrbApprovalFacts",
                columns: new[] { "TrialId", "InstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SaeFacts_TrialId_Late",
                schema: "reporting",
                table: "SaeFacts",
                columns: new[] { "TrialId", "Late" });

            migrationBuilder.CreateIndex(
                name: "IX_SiteFacts_TrialId",
                schema: "reporting",
                table: "SiteFacts",
                column: "TrialId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteMilestoneFacts_TrialId",
                schema: "reporting",
                table: "SiteMilestoneFacts",
                column: "TrialId");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectFacts_TrialId_EnrolledOn",
                schema: "reporting",
                table: "SubjectFacts",
                columns: new[] { "TrialId", "EnrolledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SubjectFacts_TrialId_SiteId",
                schema: "reporting",
                table: "SubjectFacts",
                columns: new[] { "TrialId", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitFacts_SubjectId",
                schema: "reporting",
                table: "VisitFacts",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFacts_TrialId_SiteId",
                schema: "reporting",
                table: "VisitFacts",
                columns: new[] { "TrialId", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitFacts_TrialId_Status_Latest",
                schema: "reporting",
                table: "VisitFacts",
                columns: new[] { "TrialId", "Status", "Latest" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviationFacts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "IrbApprovalFacts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "SaeFacts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "SiteFacts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "SiteMilestoneFacts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "SubjectFacts",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "VisitFacts",
                schema: "reporting");

            migrationBuilder.CreateTable(
                name: "SiteEnrollment",
                schema: "reporting",
                columns: table => new
                {
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Enrolled = table.Column<int>(type: "integer", nullable: false),
                    LastEnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteEnrollment", x => x.SiteId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SiteEnrollment_TrialId",
                schema: "reporting",
                table: "SiteEnrollment",
                column: "TrialId");
        }
    }
}
