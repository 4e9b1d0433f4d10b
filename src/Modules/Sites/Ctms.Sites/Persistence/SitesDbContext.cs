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
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<DelegationEntry> Delegations => Set<DelegationEntry>();
    public DbSet<KnownUser> KnownUsers => Set<KnownUser>();

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
            b.HasMany(s => s.Milestones).WithOne().HasForeignKey(m => m.SiteId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(s => s.Milestones).AutoInclude();
        });
        modelBuilder.Entity<SiteMilestone>(b =>
        {
            b.ToTable("SiteMilestones");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.Kind).HasMaxLength(40).IsRequired();
            b.HasIndex(m => new { m.SiteId, m.Kind }).IsUnique();
        });
        modelBuilder.Entity<StaffMember>(b =>
        {
            b.ToTable("StaffMembers");
            b.HasKey(s => s.Id);
            b.Property(s => s.UserId).HasMaxLength(100).IsRequired();
            b.Property(s => s.Email).HasMaxLength(256).IsRequired();
            b.Property(s => s.DisplayName).HasMaxLength(200).IsRequired();
            b.Property(s => s.Role).HasMaxLength(100).IsRequired();
            b.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(s => new { s.SiteId, s.UserId }).IsUnique();
        });
        modelBuilder.Entity<DelegationEntry>(b =>
        {
            b.ToTable("DelegationEntries");
            b.HasKey(d => d.Id);
            b.Ignore(d => d.IsSigned);
            b.Property(d => d.StaffUserId).HasMaxLength(100).IsRequired();
            b.Property(d => d.SignedByUserId).HasMaxLength(100);
            b.Property(d => d.SignedByName).HasMaxLength(200);
            b.Property(d => d.SignedContentHash).HasMaxLength(64);
            b.Property(d => d.Version).IsConcurrencyToken();
            b.HasOne<Site>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<StaffMember>().WithMany().HasForeignKey(d => d.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(d => new { d.SiteId, d.StaffUserId });
        });
        modelBuilder.Entity<KnownUser>(b =>
        {
            b.ToTable("KnownUsers");
            b.HasKey(u => u.UserId);
            b.Property(u => u.UserId).HasMaxLength(100);
            b.Property(u => u.Email).HasMaxLength(256).IsRequired();
            b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
            b.Property(u => u.Roles).HasMaxLength(300).IsRequired();
            b.HasIndex(u => u.Email);
        });
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
