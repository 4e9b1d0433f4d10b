using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.PostgreSql.Trials
{
    /// <inheritdoc />
    public partial class Issue3TrialsSites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Status",
                schema: "trials",
                table: "Trials",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<string>(
                name: "DayCountingConvention",
                schema: "trials",
                table: "Trials",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RegistryId",
                schema: "trials",
                table: "Trials",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SaeReportingHours",
                schema: "trials",
                table: "Trials",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TherapeuticArea",
                schema: "trials",
                table: "Trials",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ProtocolVersions",
                schema: "trials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    Major = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AmendsId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Procedures = table.Column<List<string>>(type: "text[]", nullable: false),
                    InclusionCriteria = table.Column<List<string>>(type: "text[]", nullable: false),
                    ExclusionCriteria = table.Column<List<string>>(type: "text[]", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtocolVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtocolVersions_Trials_TrialId",
                        column: x => x.TrialId,
                        principalSchema: "trials",
                        principalTable: "Trials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrialArms",
                schema: "trials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AllocationRatio = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrialArms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrialArms_Trials_TrialId",
                        column: x => x.TrialId,
                        principalSchema: "trials",
                        principalTable: "Trials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentVersions",
                schema: "trials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    DocumentKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentVersions_ProtocolVersions_ProtocolVersionId",
                        column: x => x.ProtocolVersionId,
                        principalSchema: "trials",
                        principalTable: "ProtocolVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitDefinitions",
                schema: "trials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Anchor = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AnchorVisit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TargetDay = table.Column<int>(type: "integer", nullable: false),
                    WindowBefore = table.Column<int>(type: "integer", nullable: false),
                    WindowAfter = table.Column<int>(type: "integer", nullable: false),
                    Procedures = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitDefinitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitDefinitions_ProtocolVersions_ProtocolVersionId",
                        column: x => x.ProtocolVersionId,
                        principalSchema: "trials",
                        principalTable: "ProtocolVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentVersions_ProtocolVersionId",
                schema: "trials",
                table: "ConsentVersions",
                column: "ProtocolVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtocolVersions_TrialId_Major",
                schema: "trials",
                table: "ProtocolVersions",
                columns: new[] { "TrialId", "Major" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrialArms_TrialId",
                schema: "trials",
                table: "TrialArms",
                column: "TrialId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitDefinitions_ProtocolVersionId",
                schema: "trials",
                table: "VisitDefinitions",
                column: "ProtocolVersionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentVersions",
                schema: "trials");

            migrationBuilder.DropTable(
                name: "TrialArms",
                schema: "trials");

            migrationBuilder.DropTable(
                name: "VisitDefinitions",
                schema: "trials");

            migrationBuilder.DropTable(
                name: "ProtocolVersions",
                schema: "trials");

            migrationBuilder.DropColumn(
                name: "DayCountingConvention",
                schema: "trials",
                table: "Trials");

            migrationBuilder.DropColumn(
                name: "RegistryId",
                schema: "trials",
                table: "Trials");

            migrationBuilder.DropColumn(
                name: "SaeReportingHours",
                schema: "trials",
                table: "Trials");

            migrationBuilder.DropColumn(
                name: "TherapeuticArea",
                schema: "trials",
                table: "Trials");

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                schema: "trials",
                table: "Trials",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);
        }
    }
}
