using Ctms.Irb.Domain;
using Ctms.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Persistence;

internal sealed class IrbDbContext(DbContextOptions<IrbDbContext> options) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "irb";

    public string Schema => SchemaName;

    public DbSet<IrbCommittee> Committees => Set<IrbCommittee>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IrbCommittee>(b =>
        {
            b.ToTable("Committees");
            b.HasKey(c => c.Id);
            b.Property(c => c.Name).HasMaxLength(300).IsRequired();
        });
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
