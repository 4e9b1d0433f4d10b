using Ctms.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.SiteSync.Persistence;

/// <summary>The site-sync gateway's own data: for now its outbox and inbox; message tracking joins with the site-sync issue.</summary>
internal sealed class SiteSyncDbContext(DbContextOptions<SiteSyncDbContext> options) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "sitesync";

    public string Schema => SchemaName;

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyModuleConventions(SchemaName, Database.IsSqliteProvider());
}
