using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.PostgreSql.Sites
{
    /// <inheritdoc />
    public partial class Issue3TrialsSites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KnownUsers",
                schema: "sites",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Roles = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnownUsers", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "SiteMilestones",
                schema: "sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteMilestones_Sites_SiteId",
                        column: x => x.SiteId,
                        principalSchema: "sites",
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffMembers",
                schema: "sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GcpTrainingExpiresOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMembers_Sites_SiteId",
                        column: x => x.SiteId,
                        principalSchema: "sites",
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DelegationEntries",
                schema: "sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffUserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Responsibilities = table.Column<List<string>>(type: "text[]", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignatureId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignedByUserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SignedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SignatureInvalidatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegationEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegationEntries_Sites_SiteId",
                        column: x => x.SiteId,
                        principalSchema: "sites",
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegationEntries_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalSchema: "sites",
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DelegationEntries_SiteId_StaffUserId",
                schema: "sites",
                table: "DelegationEntries",
                columns: new[] { "SiteId", "StaffUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_DelegationEntries_StaffMemberId",
                schema: "sites",
                table: "DelegationEntries",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_KnownUsers_Email",
                schema: "sites",
                table: "KnownUsers",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_SiteMilestones_SiteId_Kind",
                schema: "sites",
                table: "SiteMilestones",
                columns: new[] { "SiteId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_SiteId_UserId",
                schema: "sites",
                table: "StaffMembers",
                columns: new[] { "SiteId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DelegationEntries",
                schema: "sites");

            migrationBuilder.DropTable(
                name: "KnownUsers",
                schema: "sites");

            migrationBuilder.DropTable(
                name: "SiteMilestones",
                schema: "sites");

            migrationBuilder.DropTable(
                name: "StaffMembers",
                schema: "sites");
        }
    }
}
