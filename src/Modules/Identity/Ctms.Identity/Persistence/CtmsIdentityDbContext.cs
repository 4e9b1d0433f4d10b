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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<CtmsUser>(b => b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired());
        builder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
    }
}
