using Ctms.Shared.Persistence;
using Ctms.SiteSync.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ctms.SiteSync.Persistence;

/// <summary>The site-sync gateway's own data: site messages and their outcomes, per-subject sequences, messages for sites.</summary>
internal sealed class SiteSyncDbContext(DbContextOptions<SiteSyncDbContext> options) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "sitesync";

    public string Schema => SchemaName;

    public DbSet<SiteMessage> SiteMessages => Set<SiteMessage>();
    public DbSet<SubjectSequence> SubjectSequences => Set<SubjectSequence>();
    public DbSet<OutboundSiteMessage> OutboundMessages => Set<OutboundSiteMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SiteMessage>(e =>
        {
            e.HasKey(m => m.MessageId);
            e.Property(m => m.SiteCode).HasMaxLength(20);
            e.Property(m => m.Type).HasMaxLength(50);
            e.Property(m => m.SubjectNumber).HasMaxLength(50);
            e.Property(m => m.EnteredBy).HasMaxLength(256);
            e.Property(m => m.CorrelationId).HasMaxLength(100);
            e.Property(m => m.Status).HasMaxLength(20);
            e.HasIndex(m => new { m.SiteCode, m.Status });
            e.HasIndex(m => new { m.SiteCode, m.SubjectNumber, m.Sequence });
        });
        modelBuilder.Entity<SubjectSequence>(e =>
        {
            e.HasKey(s => new { s.SiteCode, s.SubjectNumber });
            e.Property(s => s.SiteCode).HasMaxLength(20);
            e.Property(s => s.SubjectNumber).HasMaxLength(50);
            e.Property(s => s.LastSequence).IsConcurrencyToken();
        });
        modelBuilder.Entity<OutboundSiteMessage>(e =>
        {
            e.HasKey(m => m.Id);
            e.Property(m => m.SiteCode).HasMaxLength(20);
            e.Property(m => m.Type).HasMaxLength(50);
            e.HasIndex(m => m.SentAt);
        });
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
