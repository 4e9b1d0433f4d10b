using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.PostgreSql.Irb
{
    /// <inheritdoc />
    public partial class IrbReviewAndRecognition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agreements",
                schema: "irb",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Scope = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ListedTrialIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SignedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApprovalReminders",
                schema: "irb",
                columns: table => new
                {
                    ApprovalId = table.Column<Guid>(type: "uuid", nullable: false),
                    DaysBefore = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalReminders", x => new { x.ApprovalId, x.DaysBefore });
                });

            migrationBuilder.CreateTable(
                name: "Approvals",
                schema: "irb",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IrbId = table.Column<Guid>(type: "uuid", nullable: false),
                    IrbName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReviewingIrbId = table.Column<Guid>(type: "uuid", nullable: false),
                    Recognised = table.Column<bool>(type: "boolean", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LapsedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LapseReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Approvals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IrbsOfRecord",
                schema: "irb",
                columns: table => new
                {
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    IrbId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IrbsOfRecord", x => x.TrialId);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                schema: "irb",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IrbId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Recognitions",
                schema: "irb",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RelyingIrbId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewingIrbId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewingIrbName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReviewingCenterId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: true),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolVersion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmissionType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CanonicalDecision = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RefusalCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LocalLawAndPolicy = table.Column<bool>(type: "boolean", nullable: false),
                    ConflictsOfInterest = table.Column<bool>(type: "boolean", nullable: false),
                    StaffQualifications = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentLanguage = table.Column<bool>(type: "boolean", nullable: false),
                    Privacy = table.Column<bool>(type: "boolean", nullable: false),
                    LocalNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LocalReviewSignedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    EffectiveAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovalId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recognitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityAlerts",
                schema: "irb",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                schema: "irb",
                columns: table => new
                {
                    IrbId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublicKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.IrbId);
                });

            migrationBuilder.CreateTable(
                name: "Submissions",
                schema: "irb",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IrbId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrialId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolVersion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RiskLevel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewPath = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ContinuingReviewMonths = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Conditions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecisionRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SignatureId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignatureMeaning = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SignedContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementParties",
                schema: "irb",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    IrbId = table.Column<Guid>(type: "uuid", nullable: false),
                    IrbName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CenterId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublicKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementParties_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalSchema: "irb",
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionComments",
                schema: "irb",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionComments_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalSchema: "irb",
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionDocuments",
                schema: "irb",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReferenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionDocuments_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalSchema: "irb",
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionReviewers",
                schema: "irb",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionReviewers", x => new { x.SubmissionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SubmissionReviewers_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalSchema: "irb",
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionVotes",
                schema: "irb",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Vote = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionVotes", x => new { x.SubmissionId, x.MemberUserId });
                    table.ForeignKey(
                        name: "FK_SubmissionVotes_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalSchema: "irb",
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementParties_AgreementId",
                schema: "irb",
                table: "AgreementParties",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Approvals_ExpiresOn",
                schema: "irb",
                table: "Approvals",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_Approvals_TrialId_ProtocolVersionId",
                schema: "irb",
                table: "Approvals",
                columns: new[] { "TrialId", "ProtocolVersionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_IrbId_UserId",
                schema: "irb",
                table: "Members",
                columns: new[] { "IrbId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recognitions_DecisionId_RelyingIrbId",
                schema: "irb",
                table: "Recognitions",
                columns: new[] { "DecisionId", "RelyingIrbId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recognitions_RelyingIrbId_Status",
                schema: "irb",
                table: "Recognitions",
                columns: new[] { "RelyingIrbId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionComments_SubmissionId",
                schema: "irb",
                table: "SubmissionComments",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionDocuments_SubmissionId",
                schema: "irb",
                table: "SubmissionDocuments",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_IrbId_Status",
                schema: "irb",
                table: "Submissions",
                columns: new[] { "IrbId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementParties",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "ApprovalReminders",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "Approvals",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "IrbsOfRecord",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "Members",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "Recognitions",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "SecurityAlerts",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "SigningKeys",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "SubmissionComments",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "SubmissionDocuments",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "SubmissionReviewers",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "SubmissionVotes",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "Agreements",
                schema: "irb");

            migrationBuilder.DropTable(
                name: "Submissions",
                schema: "irb");
        }
    }
}
