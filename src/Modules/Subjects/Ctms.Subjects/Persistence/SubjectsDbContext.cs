using Ctms.Shared.Persistence;
using Ctms.Subjects.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Persistence;

internal sealed class SubjectsDbContext(DbContextOptions<SubjectsDbContext> options) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "subjects";

    public string Schema => SchemaName;

    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<SiteEnrollmentCounter> SiteCounters => Set<SiteEnrollmentCounter>();
    public DbSet<TrialEnrollmentCounter> TrialCounters => Set<TrialEnrollmentCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Subject>(b =>
        {
            b.ToTable("Subjects");
            b.HasKey(s => s.Id);
            b.Property(s => s.SubjectNumber).HasMaxLength(30).IsRequired();
            b.Property(s => s.Status).HasMaxLength(40).IsRequired();
            b.Property(s => s.EnrolledBy).HasMaxLength(200);
            b.Property(s => s.Version).IsConcurrencyToken();
            b.HasIndex(s => new { s.TrialId, s.SubjectNumber }).IsUnique();
            b.HasIndex(s => s.SiteId);
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
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
