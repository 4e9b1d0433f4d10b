using Ctms.Identity.Persistence;
using Ctms.Irb.Persistence;
using Ctms.Reporting.Persistence;
using Ctms.Shared.Persistence;
using Ctms.Sites.Persistence;
using Ctms.SiteSync.Persistence;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ctms.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef` build each module context on Sqlite without the web host. No database is contacted
/// to add a migration or to script one.
/// </summary>
internal sealed class DesignTimeContexts :
    IDesignTimeDbContextFactory<TrialsDbContext>,
    IDesignTimeDbContextFactory<SitesDbContext>,
    IDesignTimeDbContextFactory<SubjectsDbContext>,
    IDesignTimeDbContextFactory<IrbDbContext>,
    IDesignTimeDbContextFactory<CtmsIdentityDbContext>,
    IDesignTimeDbContextFactory<ReportingDbContext>,
    IDesignTimeDbContextFactory<SiteSyncDbContext>
{
    private static readonly DatabaseSettings Settings = new(DatabaseProvider.Sqlite, "Data Source=design-time.db", MigrateOnStartup: false);

    TrialsDbContext IDesignTimeDbContextFactory<TrialsDbContext>.CreateDbContext(string[] args) => new(Options<TrialsDbContext>(TrialsDbContext.SchemaName));
    SitesDbContext IDesignTimeDbContextFactory<SitesDbContext>.CreateDbContext(string[] args) => new(Options<SitesDbContext>(SitesDbContext.SchemaName));
    SubjectsDbContext IDesignTimeDbContextFactory<SubjectsDbContext>.CreateDbContext(string[] args) => new(Options<SubjectsDbContext>(SubjectsDbContext.SchemaName));
    IrbDbContext IDesignTimeDbContextFactory<IrbDbContext>.CreateDbContext(string[] args) => new(Options<IrbDbContext>(IrbDbContext.SchemaName));
    CtmsIdentityDbContext IDesignTimeDbContextFactory<CtmsIdentityDbContext>.CreateDbContext(string[] args) => new(Options<CtmsIdentityDbContext>(CtmsIdentityDbContext.SchemaName));
    ReportingDbContext IDesignTimeDbContextFactory<ReportingDbContext>.CreateDbContext(string[] args) => new(Options<ReportingDbContext>(ReportingDbContext.SchemaName));
    SiteSyncDbContext IDesignTimeDbContextFactory<SiteSyncDbContext>.CreateDbContext(string[] args) => new(Options<SiteSyncDbContext>(SiteSyncDbContext.SchemaName));

    private static DbContextOptions<TContext> Options<TContext>(string schema) where TContext : DbContext =>
        (DbContextOptions<TContext>)ModuleDbContextRegistration.Configure(new DbContextOptionsBuilder<TContext>(), Settings, schema).Options;
}
