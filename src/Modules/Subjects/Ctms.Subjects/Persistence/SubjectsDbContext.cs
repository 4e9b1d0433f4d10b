using Ctms.Shared.Persistence;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Domain.Randomization;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Persistence;

internal sealed class SubjectsDbContext(DbContextOptions<SubjectsDbContext> options) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "subjects";

    public string Schema => SchemaName;

    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<SubjectIdentity> Identities => Set<SubjectIdentity>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<AdverseEvent> AdverseEvents => Set<AdverseEvent>();
    public DbSet<Deviation> Deviations => Set<Deviation>();
    public DbSet<RandomizationScheme> Schemes => Set<RandomizationScheme>();
    public DbSet<AllocationSlot> Allocations => Set<AllocationSlot>();
    public DbSet<SiteEnrollmentCounter> SiteCounters => Set<SiteEnrollmentCounter>();
    public DbSet<TrialEnrollmentCounter> TrialCounters => Set<TrialEnrollmentCounter>();
    public DbSet<SiteEntryReceipt> EntryReceipts => Set<SiteEntryReceipt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Subject>(b =>
        {
            b.ToTable("Subjects");
            b.HasKey(s => s.Id);
            b.Property(s => s.SubjectNumber).HasMaxLength(30).IsRequired();
            b.Property(s => s.Status).HasMaxLength(40).IsRequired();
            b.Property(s => s.EnrolledBy).HasMaxLength(200);
            b.Property(s => s.ScreenedBy).HasMaxLength(200);
            b.Property(s => s.ConsentVersionLabel).HasMaxLength(300);
            b.Property(s => s.ReconsentVersionLabel).HasMaxLength(300);
            b.Property(s => s.EligibilityReasons).HasMaxLength(4000);
            b.Property(s => s.ArmName).HasMaxLength(200);
            b.Property(s => s.Stratum).HasMaxLength(400);
            b.Property(s => s.WithdrawalReason).HasMaxLength(1000);
            b.Property(s => s.Version).IsConcurrencyToken();
            b.Ignore(s => s.ReconsentRequired);
            b.Ignore(s => s.IsActive);
            b.HasIndex(s => new { s.TrialId, s.SubjectNumber }).IsUnique();
            b.HasIndex(s => s.SiteId);
        });
        modelBuilder.Entity<SubjectIdentity>(b =>
        {
            b.ToTable("SubjectIdentities");
            b.HasKey(i => i.SubjectId);
            b.Property(i => i.ProtectedPayload).HasMaxLength(4000).IsRequired();
            b.HasOne<Subject>().WithOne().HasForeignKey<SubjectIdentity>(i => i.SubjectId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ConsentRecord>(b =>
        {
            b.ToTable("ConsentRecords");
            b.HasKey(c => c.Id);
            b.Property(c => c.Label).HasMaxLength(300).IsRequired();
            b.Property(c => c.RecordedBy).HasMaxLength(200).IsRequired();
            b.HasOne<Subject>().WithMany().HasForeignKey(c => c.SubjectId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Visit>(b =>
        {
            b.ToTable("Visits");
            b.HasKey(v => v.Id);
            b.Property(v => v.SubjectNumber).HasMaxLength(30).IsRequired();
            b.Property(v => v.Name).HasMaxLength(200).IsRequired();
            b.Property(v => v.Status).HasMaxLength(40).IsRequired();
            b.Property(v => v.Reason).HasMaxLength(1000);
            b.Property(v => v.Version).IsConcurrencyToken();
            b.Ignore(v => v.IsPlanned);
            b.HasOne<Subject>().WithMany().HasForeignKey(v => v.SubjectId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(v => new { v.SubjectId, v.Name }).IsUnique();
            b.HasIndex(v => new { v.TrialId, v.SubjectNumber });
            b.HasIndex(v => new { v.SiteId, v.Status });
        });
        modelBuilder.Entity<AdverseEvent>(b =>
        {
            b.ToTable("AdverseEvents");
            b.HasKey(a => a.Id);
            b.Property(a => a.SubjectNumber).HasMaxLength(30).IsRequired();
            b.Property(a => a.Term).HasMaxLength(300).IsRequired();
            b.Property(a => a.Severity).HasMaxLength(40).IsRequired();
            b.Property(a => a.Causality).HasMaxLength(40).IsRequired();
            b.Property(a => a.RecordedBy).HasMaxLength(200).IsRequired();
            b.Ignore(a => a.Serious);
            b.Ignore(a => a.Late);
            b.HasOne<Subject>().WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(a => a.SiteId);
        });
        modelBuilder.Entity<Deviation>(b =>
        {
            b.ToTable("Deviations");
            b.HasKey(d => d.Id);
            b.Property(d => d.SubjectNumber).HasMaxLength(30);
            b.Property(d => d.Category).HasMaxLength(60).IsRequired();
            b.Property(d => d.Severity).HasMaxLength(20).IsRequired();
            b.Property(d => d.Description).HasMaxLength(2000).IsRequired();
            b.Property(d => d.Source).HasMaxLength(20).IsRequired();
            b.Property(d => d.RecordedBy).HasMaxLength(200).IsRequired();
            b.HasIndex(d => d.SiteId);
            b.HasIndex(d => d.SubjectId);
        });
        modelBuilder.Entity<RandomizationScheme>(b =>
        {
            b.ToTable("RandomizationSchemes");
            b.HasKey(s => s.TrialId);
            b.Property(s => s.FactorsSpec).HasMaxLength(2000).IsRequired();
            b.Ignore(s => s.Factors);
        });
        modelBuilder.Entity<AllocationSlot>(b =>
        {
            b.ToTable("AllocationSlots");
            b.HasKey(a => a.Id);
            b.Property(a => a.Stratum).HasMaxLength(400).IsRequired();
            b.Property(a => a.ArmName).HasMaxLength(200).IsRequired();
            b.Property(a => a.Version).IsConcurrencyToken();
            b.HasIndex(a => new { a.TrialId, a.Stratum, a.Block, a.Position }).IsUnique();
            b.HasIndex(a => a.SubjectId).IsUnique();
        });
        modelBuilder.Entity<SiteEnrollmentCounter>(b =>
        {
            b.ToTable("SiteEnrollmentCounters");
            b.HasKey(c => c.SiteId);
            b.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<TrialEnrollmentCounter>(b =>
        {
            b.ToTable("TrialEnrollmentCounters");
            b.HasKey(c => c.TrialId);
            b.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<SiteEntryReceipt>(b =>
        {
            b.ToTable("SiteEntryReceipts");
            b.HasKey(r => r.Key);
            b.Property(r => r.Key).ValueGeneratedNever();
            b.Property(r => r.Operation).HasMaxLength(40).IsRequired();
            b.Property(r => r.OutcomeJson).HasMaxLength(8000).IsRequired();
        });
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
