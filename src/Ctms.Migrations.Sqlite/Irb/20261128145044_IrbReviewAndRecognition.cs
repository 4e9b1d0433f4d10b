using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Migrations.Sqlite.Irb
{
    /// <inheritdoc />
    public partial class IrbReviewAndRecognition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "irb_Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ListedTrialIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_Agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "irb_ApprovalReminders",
                columns: table => new
                {
                    ApprovalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_ApprovalReminders", x => new { x.ApprovalId, x.DaysBefore });
                });

            migrationBuilder.CreateTable(
                name: "irb_Approvals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IrbId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IrbName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReviewingIrbId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Recognised = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LapsedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LapseReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_Approvals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "irb_IrbsOfRecord",
                columns: table => new
                {
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IrbId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_IrbsOfRecord", x => x.TrialId);
                });

            migrationBuilder.CreateTable(
                name: "irb_Members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IrbId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_Members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "irb_Recognitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RelyingIrbId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewingIrbId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewingIrbName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReviewingCenterId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtocolNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtocolVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmissionType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CanonicalDecision = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RefusalCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LocalLawAndPolicy = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConflictsOfInterest = table.Column<bool>(type: "INTEGER", nullable: false),
                    StaffQualifications = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentLanguage = table.Column<bool>(type: "INTEGER", nullable: false),
                    Privacy = table.Column<bool>(type: "INTEGER", nullable: false),
                    LocalNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LocalReviewSignedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    EffectiveAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_Recognitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "irb_SecurityAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_SecurityAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "irb_SigningKeys",
                columns: table => new
                {
                    IrbId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublicKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_SigningKeys", x => x.IrbId);
                });

            migrationBuilder.CreateTable(
                name: "irb_Submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IrbId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtocolNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtocolVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RiskLevel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewPath = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ContinuingReviewMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecisionRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignatureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignatureMeaning = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    SignedContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_Submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "irb_AgreementParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IrbId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IrbName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CenterId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublicKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_AgreementParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_irb_AgreementParties_irb_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "irb_Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "irb_SubmissionComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_SubmissionComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_irb_SubmissionComments_irb_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "irb_Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "irb_SubmissionDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReferenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_SubmissionDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_irb_SubmissionDocuments_irb_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "irb_Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "irb_SubmissionReviewers",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_SubmissionReviewers", x => new { x.SubmissionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_irb_SubmissionReviewers_irb_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "irb_Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "irb_SubmissionVotes",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Vote = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_irb_SubmissionVotes", x => new { x.SubmissionId, x.MemberUserId });
                    table.ForeignKey(
                        name: "FK_irb_SubmissionVotes_irb_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "irb_Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_irb_AgreementParties_AgreementId",
                table: "irb_AgreementParties",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_irb_Approvals_ExpiresOn",
                table: "irb_Approvals",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_irb_Approvals_TrialId_ProtocolVersionId",
                table: "irb_Approvals",
                columns: new[] { "TrialId", "ProtocolVersionId" });

            migrationBuilder.CreateIndex(
                name: "IX_irb_Members_IrbId_UserId",
                table: "irb_Members",
                columns: new[] { "IrbId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_irb_Recognitions_DecisionId_RelyingIrbId",
                table: "irb_Recognitions",
                columns: new[] { "DecisionId", "RelyingIrbId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_irb_Recognitions_RelyingIrbId_Status",
                table: "irb_Recognitions",
                columns: new[] { "RelyingIrbId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_irb_SubmissionComments_SubmissionId",
                table: "irb_SubmissionComments",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_irb_SubmissionDocuments_SubmissionId",
                table: "irb_SubmissionDocuments",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_irb_Submissions_IrbId_Status",
                table: "irb_Submissions",
                columns: new[] { "IrbId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "irb_AgreementParties");

            migrationBuilder.DropTable(
                name: "irb_ApprovalReminders");

            migrationBuilder.DropTable(
                name: "irb_Approvals");

            migrationBuilder.DropTable(
                name: "irb_IrbsOfRecord");

            migrationBuilder.DropTable(
                name: "irb_Members");

            migrationBuilder.DropTable(
                name: "irb_Recognitions");

            migrationBuilder.DropTable(
                name: "irb_SecurityAlerts");

            migrationBuilder.DropTable(
                name: "irb_SigningKeys");

            migrationBuilder.DropTable(
                name: "irb_SubmissionComments");

            migrationBuilder.DropTable(
                name: "irb_SubmissionDocuments");

            migrationBuilder.DropTable(
                name: "irb_SubmissionReviewers");

            migrationBuilder.DropTable(
                name: "irb_SubmissionVotes");

            migrationBuilder.DropTable(
                name: "irb_Agreements");

            migrationBuilder.DropTable(
                name: "irb_Submissions");
        }
    }
}
