using Ctms.Identity.Domain;
using Ctms.Shared.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Identity.Persistence;

internal sealed class CtmsIdentityDbContext(DbContextOptions<CtmsIdentityDbContext> options)
    : IdentityDbContext<CtmsUser, IdentityRole, string>(options), IModuleDbContext
{
    public const string SchemaName = "identity";

    public string Schema => SchemaName;

    public DbSet<SignatureRecord> Signatures => Set<SignatureRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<CtmsUser>(b => b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired());
        builder.Entity<SignatureRecord>(b =>
        {
            b.ToTable("Signatures");
            b.HasKey(s => s.Id);
            b.Property(s => s.SignerUserId).HasMaxLength(450).IsRequired();
            b.Property(s => s.PrintedName).HasMaxLength(200).IsRequired();
            b.Property(s => s.Meaning).HasMaxLength(30).IsRequired();
            b.Property(s => s.ContentHash).HasMaxLength(64).IsRequired();
            b.Property(s => s.RecordType).HasMaxLength(100).IsRequired();
            b.Property(s => s.RecordId).HasMaxLength(100).IsRequired();
            b.HasIndex(s => new { s.RecordType, s.RecordId });
        });
        builder.UseOpenIddict();
        builder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
