using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.Sqlite.Sites
{
    /// <inheritdoc />
    public partial class Issue3TrialsSites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sites_KnownUsers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sites_KnownUsers", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "sites_SiteMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sites_SiteMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sites_SiteMilestones_sites_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "sites_Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sites_StaffMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GcpTrainingExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sites_StaffMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sites_StaffMembers_sites_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "sites_Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sites_DelegationEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Responsibilities = table.Column<string>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SignatureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignedByUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SignatureInvalidatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sites_DelegationEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sites_DelegationEntries_sites_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "sites_Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_sites_DelegationEntries_sites_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "sites_StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sites_DelegationEntries_SiteId_StaffUserId",
                table: "sites_DelegationEntries",
                columns: new[] { "SiteId", "StaffUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_sites_DelegationEntries_StaffMemberId",
                table: "sites_DelegationEntries",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_sites_KnownUsers_Email",
                table: "sites_KnownUsers",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_sites_SiteMilestones_SiteId_Kind",
                table: "sites_SiteMilestones",
                columns: new[] { "SiteId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sites_StaffMembers_SiteId_UserId",
                table: "sites_StaffMembers",
                columns: new[] { "SiteId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sites_DelegationEntries");

            migrationBuilder.DropTable(
                name: "sites_KnownUsers");

            migrationBuilder.DropTable(
                name: "sites_SiteMilestones");

            migrationBuilder.DropTable(
                name: "sites_StaffMembers");
        }
    }
}
