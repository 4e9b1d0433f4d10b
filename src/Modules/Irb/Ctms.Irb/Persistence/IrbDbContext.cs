using Ctms.Irb.Domain;
using Ctms.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ctms.Irb.Persistence;

internal sealed class IrbDbContext(DbContextOptions<IrbDbContext> options) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "irb";

    public string Schema => SchemaName;

    public DbSet<IrbCommittee> Committees => Set<IrbCommittee>();
    public DbSet<IrbMember> Members => Set<IrbMember>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Approval> Approvals => Set<Approval>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Recognition> Recognitions => Set<Recognition>();
    public DbSet<IrbSigningKey> SigningKeys => Set<IrbSigningKey>();
    public DbSet<TrialIrbOfRecord> IrbsOfRecord => Set<TrialIrbOfRecord>();
    public DbSet<SecurityAlert> SecurityAlerts => Set<SecurityAlert>();
    public DbSet<ApprovalReminder> Reminders => Set<ApprovalReminder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IrbCommittee>(b =>
        {
            b.ToTable("Committees");
            b.HasKey(c => c.Id);
            b.Property(c => c.Name).HasMaxLength(300).IsRequired();
        });
        modelBuilder.Entity<IrbMember>(b =>
        {
            b.ToTable("Members");
            b.HasKey(m => m.Id);
            b.Property(m => m.UserId).HasMaxLength(450).IsRequired();
            b.Property(m => m.Name).HasMaxLength(200).IsRequired();
            b.Property(m => m.Role).HasMaxLength(20).IsRequired();
            b.HasIndex(m => new { m.IrbId, m.UserId }).IsUnique();
        });
        ConfigureSubmissions(modelBuilder);
        modelBuilder.Entity<Approval>(b =>
        {
            b.ToTable("Approvals");
            b.HasKey(a => a.Id);
            b.Property(a => a.IrbName).HasMaxLength(300).IsRequired();
            b.Property(a => a.InstitutionIds).HasConversion(GuidListConverter, GuidListComparer).HasMaxLength(2000);
            b.Property(a => a.LapseReason).HasMaxLength(500);
            b.Property(a => a.Version).IsConcurrencyToken();
            b.HasIndex(a => new { a.TrialId, a.ProtocolVersionId });
            b.HasIndex(a => a.ExpiresOn);
        });
        modelBuilder.Entity<Agreement>(b =>
        {
            b.ToTable("Agreements");
            b.HasKey(a => a.Id);
            b.Property(a => a.Name).HasMaxLength(300).IsRequired();
            b.Property(a => a.Scope).HasMaxLength(30).IsRequired();
            b.Property(a => a.Status).HasMaxLength(20).IsRequired();
            b.Property(a => a.ListedTrialIds).HasConversion(GuidListConverter, GuidListComparer).HasMaxLength(4000);
            b.Property(a => a.SignedBy).HasMaxLength(400);
            b.Property(a => a.EndedBy).HasMaxLength(400);
            b.Property(a => a.Version).IsConcurrencyToken();
            b.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(a => a.Parties).AutoInclude();
        });
        modelBuilder.Entity<AgreementParty>(b =>
        {
            b.ToTable("AgreementParties");
            b.HasKey(p => p.Id);
            b.Property(p => p.IrbName).HasMaxLength(300).IsRequired();
            b.Property(p => p.CenterId).HasMaxLength(100).IsRequired();
            b.Property(p => p.PublicKey).HasMaxLength(400).IsRequired();
        });
        modelBuilder.Entity<Recognition>(b =>
        {
            b.ToTable("Recognitions");
            b.HasKey(r => r.Id);
            b.HasIndex(r => new { r.DecisionId, r.RelyingIrbId }).IsUnique();
            b.HasIndex(r => new { r.RelyingIrbId, r.Status });
            b.Property(r => r.ReviewingIrbName).HasMaxLength(300).IsRequired();
            b.Property(r => r.ReviewingCenterId).HasMaxLength(100).IsRequired();
            b.Property(r => r.ProtocolNumber).HasMaxLength(60).IsRequired();
            b.Property(r => r.ProtocolVersion).HasMaxLength(20).IsRequired();
            b.Property(r => r.SubmissionType).HasMaxLength(40).IsRequired();
            b.Property(r => r.Status).HasMaxLength(30).IsRequired();
            b.Property(r => r.RefusalCode).HasMaxLength(30);
            b.Property(r => r.RefusalReason).HasMaxLength(1000);
            b.Property(r => r.LocalNotes).HasMaxLength(2000);
            b.Property(r => r.LocalReviewSignedBy).HasMaxLength(400);
            b.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<IrbSigningKey>(b =>
        {
            b.ToTable("SigningKeys");
            b.HasKey(k => k.IrbId);
            b.Property(k => k.PublicKey).HasMaxLength(400).IsRequired();
            b.Property(k => k.ProtectedPrivateKey).HasMaxLength(2000).IsRequired();
        });
        modelBuilder.Entity<TrialIrbOfRecord>(b =>
        {
            b.ToTable("IrbsOfRecord");
            b.HasKey(t => t.TrialId);
        });
        modelBuilder.Entity<SecurityAlert>(b =>
        {
            b.ToTable("SecurityAlerts");
            b.HasKey(a => a.Id);
            b.Property(a => a.Kind).HasMaxLength(50).IsRequired();
            b.Property(a => a.Details).HasMaxLength(2000).IsRequired();
        });
        modelBuilder.Entity<ApprovalReminder>(b =>
        {
            b.ToTable("ApprovalReminders");
            b.HasKey(r => new { r.ApprovalId, r.DaysBefore });
        });
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }

    private static void ConfigureSubmissions(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Submission>(b =>
        {
            b.ToTable("Submissions");
            b.HasKey(s => s.Id);
            b.Property(s => s.ProtocolNumber).HasMaxLength(60).IsRequired();
            b.Property(s => s.ProtocolVersion).HasMaxLength(20).IsRequired();
            b.Property(s => s.Type).HasMaxLength(40).IsRequired();
            b.Property(s => s.RiskLevel).HasMaxLength(30).IsRequired();
            b.Property(s => s.Status).HasMaxLength(20).IsRequired();
            b.Property(s => s.ReviewPath).HasMaxLength(20);
            b.Property(s => s.Decision).HasMaxLength(40);
            b.Property(s => s.Conditions).HasMaxLength(4000);
            b.Property(s => s.SignerUserId).HasMaxLength(450);
            b.Property(s => s.SignerName).HasMaxLength(200);
            b.Property(s => s.SignatureMeaning).HasMaxLength(30);
            b.Property(s => s.SignedContentHash).HasMaxLength(64);
            b.Property(s => s.Version).IsConcurrencyToken();
            b.HasIndex(s => new { s.IrbId, s.Status });
            b.HasMany(s => s.Reviewers).WithOne().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(s => s.Comments).WithOne().HasForeignKey(c => c.SubmissionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(s => s.Votes).WithOne().HasForeignKey(v => v.SubmissionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(s => s.Documents).WithOne().HasForeignKey(d => d.SubmissionId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(s => s.Reviewers).AutoInclude();
            b.Navigation(s => s.Comments).AutoInclude();
            b.Navigation(s => s.Votes).AutoInclude();
            b.Navigation(s => s.Documents).AutoInclude();
        });
        modelBuilder.Entity<SubmissionReviewer>(b =>
        {
            b.ToTable("SubmissionReviewers");
            b.HasKey(r => new { r.SubmissionId, r.UserId });
            b.Property(r => r.UserId).HasMaxLength(450);
            b.Property(r => r.Name).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<SubmissionComment>(b =>
        {
            b.ToTable("SubmissionComments");
            b.HasKey(c => c.Id);
            b.Property(c => c.Author).HasMaxLength(200).IsRequired();
            b.Property(c => c.Text).HasMaxLength(4000).IsRequired();
        });
        modelBuilder.Entity<SubmissionVote>(b =>
        {
            b.ToTable("SubmissionVotes");
            b.HasKey(v => new { v.SubmissionId, v.MemberUserId });
            b.Property(v => v.MemberUserId).HasMaxLength(450);
            b.Property(v => v.Vote).HasMaxLength(10).IsRequired();
        });
        modelBuilder.Entity<SubmissionDocument>(b =>
        {
            b.ToTable("SubmissionDocuments");
            b.HasKey(d => d.Id);
            b.Property(d => d.Kind).HasMaxLength(30).IsRequired();
            b.Property(d => d.Name).HasMaxLength(300).IsRequired();
            b.Property(d => d.Version).HasMaxLength(20).IsRequired();
            b.Property(d => d.Language).HasMaxLength(10);
        });
    }

    private static readonly ValueConverter<List<Guid>, string> GuidListConverter = new(
        v => string.Join(',', v),
        v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList());

    private static readonly ValueComparer<List<Guid>> GuidListComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, g) => HashCode.Combine(h, g)),
        v => v.ToList());
}
