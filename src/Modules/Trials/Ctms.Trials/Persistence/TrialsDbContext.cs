using Ctms.Shared.Persistence;
using Ctms.Trials.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Trials.Persistence;

internal sealed class TrialsDbContext(DbContextOptions<TrialsDbContext> options) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "trials";

    public string Schema => SchemaName;

    public DbSet<Trial> Trials => Set<Trial>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Trial>(b =>
        {
            b.ToTable("Trials");
            b.HasKey(t => t.Id);
            b.Property(t => t.TenantId).HasMaxLength(100).IsRequired();
            b.Property(t => t.ProtocolNumber).HasMaxLength(60).IsRequired();
            b.Property(t => t.Title).HasMaxLength(500).IsRequired();
            b.Property(t => t.Phase).HasMaxLength(30).IsRequired();
            b.Property(t => t.Status).HasMaxLength(40).IsRequired();
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasIndex(t => new { t.TenantId, t.ProtocolNumber }).IsUnique();
        });
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
