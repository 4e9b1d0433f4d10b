using Ctms.Reporting.Domain;
using Ctms.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Persistence;

internal sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "reporting";

    public string Schema => SchemaName;

    public DbSet<SiteEnrollmentStat> SiteEnrollment => Set<SiteEnrollmentStat>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SiteEnrollmentStat>(b =>
        {
            b.ToTable("SiteEnrollment");
            b.HasKey(s => s.SiteId);
            b.HasIndex(s => s.TrialId);
            b.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
