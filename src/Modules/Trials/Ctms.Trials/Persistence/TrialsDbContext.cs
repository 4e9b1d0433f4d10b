using Ctms.Shared.Persistence;
using Ctms.Trials.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Trials.Persistence;

internal sealed class TrialsDbContext(DbContextOptions<TrialsDbContext> options) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "trials";

    public string Schema => SchemaName;

    public DbSet<Trial> Trials => Set<Trial>();
    public DbSet<ProtocolVersion> ProtocolVersions => Set<ProtocolVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Trial>(b =>
        {
            b.ToTable("Trials");
            b.HasKey(t => t.Id);
            b.Property(t => t.TenantId).HasMaxLength(100).IsRequired();
            b.Property(t => t.ProtocolNumber).HasMaxLength(60).IsRequired();
            b.Property(t => t.RegistryId).HasMaxLength(20);
            b.Property(t => t.Title).HasMaxLength(500).IsRequired();
            b.Property(t => t.Phase).HasMaxLength(30).IsRequired();
            b.Property(t => t.TherapeuticArea).HasMaxLength(200).IsRequired();
            b.Property(t => t.Status).HasMaxLength(60).IsRequired();
            b.Property(t => t.DayCountingConvention).HasMaxLength(10).IsRequired();
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasIndex(t => new { t.TenantId, t.ProtocolNumber }).IsUnique();
            b.HasMany(t => t.Arms).WithOne().HasForeignKey(a => a.TrialId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(t => t.Arms).AutoInclude();
        });
        modelBuilder.Entity<TrialArm>(b =>
        {
            b.ToTable("TrialArms");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Name).HasMaxLength(200).IsRequired();
            b.Property(a => a.Type).HasMaxLength(40).IsRequired();
        });
        modelBuilder.Entity<ProtocolVersion>(b =>
        {
            b.ToTable("ProtocolVersions");
            b.HasKey(p => p.Id);
            b.Ignore(p => p.Number);
            b.Ignore(p => p.IsFrozen);
            b.Ignore(p => p.IsAmendment);
            b.Property(p => p.Status).HasMaxLength(20).IsRequired();
            b.Property(p => p.Version).IsConcurrencyToken();
            b.HasIndex(p => new { p.TrialId, p.Major }).IsUnique();
            b.HasOne<Trial>().WithMany().HasForeignKey(p => p.TrialId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(p => p.Visits).WithOne().HasForeignKey(v => v.ProtocolVersionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(p => p.ConsentVersions).WithOne().HasForeignKey(c => c.ProtocolVersionId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(p => p.Visits).AutoInclude();
            b.Navigation(p => p.ConsentVersions).AutoInclude();
        });
        modelBuilder.Entity<VisitDefinition>(b =>
        {
            b.ToTable("VisitDefinitions");
            b.HasKey(v => v.Id);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.Name).HasMaxLength(100).IsRequired();
            b.Property(v => v.Type).HasMaxLength(20).IsRequired();
            b.Property(v => v.Anchor).HasMaxLength(20).IsRequired();
            b.Property(v => v.AnchorVisit).HasMaxLength(100);
        });
        modelBuilder.Entity<ConsentVersion>(b =>
        {
            b.ToTable("ConsentVersions");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.DocumentName).HasMaxLength(200).IsRequired();
            b.Property(c => c.Version).HasMaxLength(20).IsRequired();
            b.Property(c => c.Language).HasMaxLength(20).IsRequired();
            b.Property(c => c.FileName).HasMaxLength(260);
            b.Property(c => c.DocumentKey).HasMaxLength(300);
        });
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
