using Ctms.Reporting.Domain;
using Ctms.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Persistence;

/// <summary>
/// The read model: one row per subject, visit, deviation, SAE, site, milestone and IRB approval × institution, each keyed
/// by the owning module's id. Dashboards aggregate these rows per trial, site and day; the indexes lead with the trial id
/// because every dashboard query is one trial's (see docs/adr/0012-reporting-read-model-rows-not-counters.md).
/// </summary>
internal sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "reporting";

    public string Schema => SchemaName;

    public DbSet<SubjectFact> Subjects => Set<SubjectFact>();
    public DbSet<VisitFact> Visits => Set<VisitFact>();
    public DbSet<DeviationFact> Deviations => Set<DeviationFact>();
    public DbSet<SaeFact> SeriousAdverseEvents => Set<SaeFact>();
    public DbSet<SiteFact> Sites => Set<SiteFact>();
    public DbSet<SiteMilestoneFact> SiteMilestones => Set<SiteMilestoneFact>();
    public DbSet<IrbApprovalFact> IrbApprovals => Set<IrbApprovalFact>();
    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();
    public DbSet<ExportFile> ExportFiles => Set<ExportFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SubjectFact>(b =>
        {
            b.ToTable("SubjectFacts");
            b.HasKey(s => s.SubjectId);
            b.Property(s => s.SubjectNumber).HasMaxLength(64);
            b.Property(s => s.Status).HasMaxLength(40);
            b.Property(s => s.ArmName).HasMaxLength(200);
            b.Property(s => s.ScreenFailReasons).HasMaxLength(4000);
            b.Property(s => s.WithdrawalReason).HasMaxLength(1000);
            b.HasIndex(s => new { s.TrialId, s.SiteId });
            b.HasIndex(s => new { s.TrialId, s.EnrolledOn });
        });
        modelBuilder.Entity<VisitFact>(b =>
        {
            b.ToTable("VisitFacts");
            b.HasKey(v => v.VisitId);
            b.Property(v => v.VisitName).HasMaxLength(200);
            b.Property(v => v.Status).HasMaxLength(20);
            b.HasIndex(v => v.SubjectId);
            // Overdue = planned with the window closed: (trial, status, latest) answers it with a range scan.
            b.HasIndex(v => new { v.TrialId, v.Status, v.Latest });
            // Covers the per-site visit figures (status, overdue, out of window): ~20,000 visits of a tier M trial are read
            // from the index alone instead of one table lookup each.
            b.HasIndex(v => new { v.TrialId, v.SiteId, v.Status, v.Latest, v.OutOfWindow });
        });
        modelBuilder.Entity<DeviationFact>(b =>
        {
            b.ToTable("DeviationFacts");
            b.HasKey(d => d.DeviationId);
            b.Property(d => d.SubjectNumber).HasMaxLength(64);
            b.Property(d => d.Category).HasMaxLength(60);
            b.Property(d => d.Severity).HasMaxLength(20);
            b.Property(d => d.Source).HasMaxLength(20);
            b.HasIndex(d => new { d.TrialId, d.SiteId, d.Severity });
        });
        modelBuilder.Entity<SaeFact>(b =>
        {
            b.ToTable("SaeFacts");
            b.HasKey(s => s.AdverseEventId);
            b.Property(s => s.SubjectNumber).HasMaxLength(64);
            b.Property(s => s.Term).HasMaxLength(400);
            b.HasIndex(s => new { s.TrialId, s.Late });
        });
        modelBuilder.Entity<SiteFact>(b =>
        {
            b.ToTable("SiteFacts");
            b.HasKey(s => s.SiteId);
            b.Property(s => s.Code).HasMaxLength(40);
            b.Property(s => s.Status).HasMaxLength(40);
            b.HasIndex(s => s.TrialId);
        });
        modelBuilder.Entity<SiteMilestoneFact>(b =>
        {
            b.ToTable("SiteMilestoneFacts");
            b.HasKey(m => new { m.SiteId, m.Milestone });
            b.Property(m => m.Milestone).HasMaxLength(40);
            b.HasIndex(m => m.TrialId);
        });
        modelBuilder.Entity<IrbApprovalFact>(b =>
        {
            b.ToTable("IrbApprovalFacts");
            b.HasKey(a => new { a.ApprovalId, a.InstitutionId });
            b.Property(a => a.LapseReason).HasMaxLength(1000);
            b.HasIndex(a => new { a.TrialId, a.InstitutionId });
        });
        modelBuilder.Entity<ExportJob>(b =>
        {
            b.ToTable("ExportJobs");
            b.HasKey(j => j.Id);
            b.Property(j => j.Format).HasMaxLength(20).IsRequired();
            b.Property(j => j.RequestedBy).HasMaxLength(200).IsRequired();
            b.Property(j => j.TenantId).HasMaxLength(100).IsRequired();
            b.Property(j => j.Status).HasMaxLength(20).IsRequired();
            b.Property(j => j.Error).HasMaxLength(2000);
            b.Property(j => j.LeaseOwner).HasMaxLength(200);
            b.Property(j => j.FileName).HasMaxLength(300);
            b.Property(j => j.ContentType).HasMaxLength(100);
            // The workers' claim query: jobs waiting or whose lease ran out.
            b.HasIndex(j => new { j.Status, j.LeaseUntil });
        });
        modelBuilder.Entity<ExportFile>(b =>
        {
            b.ToTable("ExportFiles");
            b.HasKey(f => f.JobId);
            b.Property(f => f.Content).IsRequired();
            b.HasOne<ExportJob>().WithOne().HasForeignKey<ExportFile>(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
