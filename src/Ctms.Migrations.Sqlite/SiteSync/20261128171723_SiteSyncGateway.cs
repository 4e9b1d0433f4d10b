using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.Sqlite.SiteSync
{
    /// <inheritdoc />
    public partial class SiteSyncGateway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sitesync_OutboundMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sitesync_OutboundMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sitesync_SiteMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReasonsJson = table.Column<string>(type: "TEXT", nullable: true),
                    AnswerJson = table.Column<string>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sitesync_SiteMessages", x => x.MessageId);
                });

            migrationBuilder.CreateTable(
                name: "sitesync_SubjectSequences",
                columns: table => new
                {
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sitesync_SubjectSequences", x => new { x.SiteCode, x.SubjectNumber });
                });

            migrationBuilder.CreateIndex(
                name: "IX_sitesync_OutboundMessages_SentAt",
                table: "sitesync_OutboundMessages",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_sitesync_SiteMessages_SiteCode_Status",
                table: "sitesync_SiteMessages",
                columns: new[] { "SiteCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_sitesync_SiteMessages_SiteCode_SubjectNumber_Sequence",
                table: "sitesync_SiteMessages",
                columns: new[] { "SiteCode", "SubjectNumber", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sitesync_OutboundMessages");

            migrationBuilder.DropTable(
                name: "sitesync_SiteMessages");

            migrationBuilder.DropTable(
                name: "sitesync_SubjectSequences");
        }
    }
}
