using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.Sqlite.Trials
{
    /// <inheritdoc />
    public partial class Issue3TrialsSites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DayCountingConvention",
                table: "trials_Trials",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RegistryId",
                table: "trials_Trials",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SaeReportingHours",
                table: "trials_Trials",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TherapeuticArea",
                table: "trials_Trials",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "trials_ProtocolVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Major = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AmendsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Procedures = table.Column<string>(type: "TEXT", nullable: false),
                    InclusionCriteria = table.Column<string>(type: "TEXT", nullable: false),
                    ExclusionCriteria = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trials_ProtocolVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trials_ProtocolVersions_trials_Trials_TrialId",
                        column: x => x.TrialId,
                        principalTable: "trials_Trials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trials_TrialArms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AllocationRatio = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trials_TrialArms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trials_TrialArms_trials_Trials_TrialId",
                        column: x => x.TrialId,
                        principalTable: "trials_Trials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trials_ConsentVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    DocumentKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trials_ConsentVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trials_ConsentVersions_trials_ProtocolVersions_ProtocolVersionId",
                        column: x => x.ProtocolVersionId,
                        principalTable: "trials_ProtocolVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trials_VisitDefinitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Anchor = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnchorVisit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TargetDay = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    Procedures = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trials_VisitDefinitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trials_VisitDefinitions_trials_ProtocolVersions_ProtocolVersionId",
                        column: x => x.ProtocolVersionId,
                        principalTable: "trials_ProtocolVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trials_ConsentVersions_ProtocolVersionId",
                table: "trials_ConsentVersions",
                column: "ProtocolVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_trials_ProtocolVersions_TrialId_Major",
                table: "trials_ProtocolVersions",
                columns: new[] { "TrialId", "Major" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trials_TrialArms_TrialId",
                table: "trials_TrialArms",
                column: "TrialId");

            migrationBuilder.CreateIndex(
                name: "IX_trials_VisitDefinitions_ProtocolVersionId",
                table: "trials_VisitDefinitions",
                column: "ProtocolVersionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trials_ConsentVersions");

            migrationBuilder.DropTable(
                name: "trials_TrialArms");

            migrationBuilder.DropTable(
                name: "trials_VisitDefinitions");

            migrationBuilder.DropTable(
                name: "trials_ProtocolVersions");

            migrationBuilder.DropColumn(
                name: "DayCountingConvention",
                table: "trials_Trials");

            migrationBuilder.DropColumn(
                name: "RegistryId",
                table: "trials_Trials");

            migrationBuilder.DropColumn(
                name: "SaeReportingHours",
                table: "trials_Trials");

            migrationBuilder.DropColumn(
                name: "TherapeuticArea",
                table: "trials_Trials");
        }
    }
}
