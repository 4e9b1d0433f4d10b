using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ctms.Migrations.PostgreSql.SiteSync
{
    /// <inheritdoc />
    public partial class SiteSyncGateway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutboundMessages",
                schema: "sitesync",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SiteMessages",
                schema: "sitesync",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SubjectNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: true),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CorrelationId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RawJson = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReasonsJson = table.Column<string>(type: "text", nullable: true),
                    AnswerJson = table.Column<string>(type: "text", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteMessages", x => x.MessageId);
                });

            migrationBuilder.CreateTable(
                name: "SubjectSequences",
                schema: "sitesync",
                columns: table => new
                {
                    SiteCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LastSequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectSequences", x => new { x.SiteCode, x.SubjectNumber });
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_SentAt",
                schema: "sitesync",
                table: "OutboundMessages",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_SiteMessages_SiteCode_Status",
                schema: "sitesync",
                table: "SiteMessages",
                columns: new[] { "SiteCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SiteMessages_SiteCode_SubjectNumber_Sequence",
                schema: "sitesync",
                table: "SiteMessages",
                columns: new[] { "SiteCode", "SubjectNumber", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboundMessages",
                schema: "sitesync");

            migrationBuilder.DropTable(
                name: "SiteMessages",
                schema: "sitesync");

            migrationBuilder.DropTable(
                name: "SubjectSequences",
                schema: "sitesync");
        }
    }
}
