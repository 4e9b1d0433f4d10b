using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.PostgreSql.Subjects
{
    /// <inheritdoc />
    public partial class SubjectsVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AnchorDate",
                schema: "subjects",
                table: "Subjects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ArmId",
                schema: "subjects",
                table: "Subjects",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArmName",
                schema: "subjects",
                table: "Subjects",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                schema: "subjects",
                table: "Subjects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ConsentVersionId",
                schema: "subjects",
                table: "Subjects",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentVersionLabel",
                schema: "subjects",
                table: "Subjects",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsentedOn",
                schema: "subjects",
                table: "Subjects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EligibilityAssessedOn",
                schema: "subjects",
                table: "Subjects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EligibilityReasons",
                schema: "subjects",
                table: "Subjects",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Eligible",
                schema: "subjects",
                table: "Subjects",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProtocolVersionId",
                schema: "subjects",
                table: "Subjects",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RandomizedAt",
                schema: "subjects",
                table: "Subjects",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReconsentVersionId",
                schema: "subjects",
                table: "Subjects",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReconsentVersionLabel",
                schema: "subjects",
                table: "Subjects",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScreenedBy",
                schema: "subjects",
                table: "Subjects",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScreenedOn",
                schema: "subjects",
                table: "Subjects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Stratum",
                schema: "subjects",
                table: "Subjects",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                schema: "subjects",
                table: "Subjects",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                schema: "subjects",
                table: "Subjects",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdverseEvents",
                schema: "subjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Term = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OnsetOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Severity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Causality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SeriousnessCriteria = table.Column<List<string>>(type: "text[]", nullable: false),
                    AwareAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdverseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdverseEvents_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalSchema: "subjects",
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AllocationSlots",
                schema: "subjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stratum = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Block = table.Column<int>(type: "integer", nullable: false),
                    BlockSize = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ArmId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArmName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationSlots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                schema: "subjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsentVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reconsent = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalSchema: "subjects",
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Deviations",
                schema: "subjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deviations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RandomizationSchemes",
                schema: "subjects",
                columns: table => new
                {
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    FactorsSpec = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    BlockSizes = table.Column<List<int>>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RandomizationSchemes", x => x.TrialId);
                });

            migrationBuilder.CreateTable(
                name: "SubjectIdentities",
                schema: "subjects",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtectedPayload = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectIdentities", x => x.SubjectId);
                    table.ForeignKey(
                        name: "FK_SubjectIdentities_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalSchema: "subjects",
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                schema: "subjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Planned = table.Column<DateOnly>(type: "date", nullable: false),
                    Earliest = table.Column<DateOnly>(type: "date", nullable: false),
                    Latest = table.Column<DateOnly>(type: "date", nullable: false),
                    ActualDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OutOfWindow = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalSchema: "subjects",
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdverseEvents_SiteId",
                schema: "subjects",
                table: "AdverseEvents",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_AdverseEvents_SubjectId",
                schema: "subjects",
                table: "AdverseEvents",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_AllocationSlots_SubjectId",
                schema: "subjects",
                table: "AllocationSlots",
                column: "SubjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AllocationSlots_TrialId_Stratum_Block_Position",
                schema: "subjects",
                table: "AllocationSlots",
                columns: new[] { "TrialId", "Stratum", "Block", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_SubjectId",
                schema: "subjects",
                table: "ConsentRecords",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Deviations_SiteId",
                schema: "subjects",
                table: "Deviations",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Deviations_SubjectId",
                schema: "subjects",
                table: "Deviations",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_SiteId_Status",
                schema: "subjects",
                table: "Visits",
                columns: new[] { "SiteId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_SubjectId_Name",
                schema: "subjects",
                table: "Visits",
                columns: new[] { "SubjectId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Visits_TrialId_SubjectNumber",
                schema: "subjects",
                table: "Visits",
                columns: new[] { "TrialId", "SubjectNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdverseEvents",
                schema: "subjects");

            migrationBuilder.DropTable(
                name: "AllocationSlots",
                schema: "subjects");

            migrationBuilder.DropTable(
                name: "ConsentRecords",
                schema: "subjects");

            migrationBuilder.DropTable(
                name: "Deviations",
                schema: "subjects");

            migrationBuilder.DropTable(
                name: "RandomizationSchemes",
                schema: "subjects");

            migrationBuilder.DropTable(
                name: "SubjectIdentities",
                schema: "subjects");

            migrationBuilder.DropTable(
                name: "Visits",
                schema: "subjects");

            migrationBuilder.DropColumn(
                name: "AnchorDate",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "ArmId",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "ArmName",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "ConsentVersionId",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "ConsentVersionLabel",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "ConsentedOn",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "EligibilityAssessedOn",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "EligibilityReasons",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "Eligible",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "ProtocolVersionId",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "RandomizedAt",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "ReconsentVersionId",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "ReconsentVersionLabel",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "ScreenedBy",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "ScreenedOn",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "Stratum",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                schema: "subjects",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "WithdrawnOn",
                schema: "subjects",
                table: "Subjects");
        }
    }
}
