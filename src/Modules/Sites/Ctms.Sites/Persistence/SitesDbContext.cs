using Ctms.Shared.Persistence;
using Ctms.Sites.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Sites.Persistence;

internal sealed class SitesDbContext(DbContextOptions<SitesDbContext> options) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "sites";

    public string Schema => SchemaName;

    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Site> Sites => Set<Site>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Institution>(b =>
        {
            b.ToTable("Institutions");
            b.HasKey(i => i.Id);
            b.Property(i => i.Name).HasMaxLength(300).IsRequired();
            b.Property(i => i.Country).HasMaxLength(2).IsRequired();
        });
        modelBuilder.Entity<Site>(b =>
        {
            b.ToTable("Sites");
            b.HasKey(s => s.Id);
            b.Property(s => s.Code).HasMaxLength(10).IsRequired();
            b.Property(s => s.PrincipalInvestigator).HasMaxLength(200).IsRequired();
            b.Property(s => s.Status).HasMaxLength(30).IsRequired();
            b.Property(s => s.Version).IsConcurrencyToken();
            b.HasOne<Institution>().WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(s => new { s.TrialId, s.Code }).IsUnique();
        });
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
