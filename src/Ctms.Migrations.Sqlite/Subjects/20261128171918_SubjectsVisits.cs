using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.Sqlite.Subjects
{
    /// <inheritdoc />
    public partial class SubjectsVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AnchorDate",
                table: "subjects_Subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ArmId",
                table: "subjects_Subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArmName",
                table: "subjects_Subjects",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "subjects_Subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ConsentVersionId",
                table: "subjects_Subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentVersionLabel",
                table: "subjects_Subjects",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsentedOn",
                table: "subjects_Subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EligibilityAssessedOn",
                table: "subjects_Subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EligibilityReasons",
                table: "subjects_Subjects",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Eligible",
                table: "subjects_Subjects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProtocolVersionId",
                table: "subjects_Subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RandomizedAt",
                table: "subjects_Subjects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReconsentVersionId",
                table: "subjects_Subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReconsentVersionLabel",
                table: "subjects_Subjects",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScreenedBy",
                table: "subjects_Subjects",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScreenedOn",
                table: "subjects_Subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Stratum",
                table: "subjects_Subjects",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "subjects_Subjects",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                table: "subjects_Subjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "subjects_AdverseEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OnsetOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Causality = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SeriousnessCriteria = table.Column<string>(type: "TEXT", nullable: false),
                    AwareAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subjects_AdverseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subjects_AdverseEvents_subjects_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects_Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subjects_AllocationSlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stratum = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Block = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ArmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArmName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subjects_AllocationSlots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subjects_ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reconsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subjects_ConsentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subjects_ConsentRecords_subjects_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects_Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subjects_Deviations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subjects_Deviations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subjects_RandomizationSchemes",
                columns: table => new
                {
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FactorsSpec = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BlockSizes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subjects_RandomizationSchemes", x => x.TrialId);
                });

            migrationBuilder.CreateTable(
                name: "subjects_SubjectIdentities",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtectedPayload = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subjects_SubjectIdentities", x => x.SubjectId);
                    table.ForeignKey(
                        name: "FK_subjects_SubjectIdentities_subjects_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects_Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subjects_Visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Planned = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Earliest = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Latest = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActualDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutOfWindow = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subjects_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subjects_Visits_subjects_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects_Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_subjects_AdverseEvents_SiteId",
                table: "subjects_AdverseEvents",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_subjects_AdverseEvents_SubjectId",
                table: "subjects_AdverseEvents",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subjects_AllocationSlots_SubjectId",
                table: "subjects_AllocationSlots",
                column: "SubjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subjects_AllocationSlots_TrialId_Stratum_Block_Position",
                table: "subjects_AllocationSlots",
                columns: new[] { "TrialId", "Stratum", "Block", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subjects_ConsentRecords_SubjectId",
                table: "subjects_ConsentRecords",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subjects_Deviations_SiteId",
                table: "subjects_Deviations",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_subjects_Deviations_SubjectId",
                table: "subjects_Deviations",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subjects_Visits_SiteId_Status",
                table: "subjects_Visits",
                columns: new[] { "SiteId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_subjects_Visits_SubjectId_Name",
                table: "subjects_Visits",
                columns: new[] { "SubjectId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subjects_Visits_TrialId_SubjectNumber",
                table: "subjects_Visits",
                columns: new[] { "TrialId", "SubjectNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "subjects_AdverseEvents");

            migrationBuilder.DropTable(
                name: "subjects_AllocationSlots");

            migrationBuilder.DropTable(
                name: "subjects_ConsentRecords");

            migrationBuilder.DropTable(
                name: "subjects_Deviations");

            migrationBuilder.DropTable(
                name: "subjects_RandomizationSchemes");

            migrationBuilder.DropTable(
                name: "subjects_SubjectIdentities");

            migrationBuilder.DropTable(
                name: "subjects_Visits");

            migrationBuilder.DropColumn(
                name: "AnchorDate",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "ArmId",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "ArmName",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "ConsentVersionId",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "ConsentVersionLabel",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "ConsentedOn",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "EligibilityAssessedOn",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "EligibilityReasons",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "Eligible",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "ProtocolVersionId",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "RandomizedAt",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "ReconsentVersionId",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "ReconsentVersionLabel",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "ScreenedBy",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "ScreenedOn",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "Stratum",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "subjects_Subjects");

            migrationBuilder.DropColumn(
                name: "WithdrawnOn",
                table: "subjects_Subjects");
        }
    }
}
