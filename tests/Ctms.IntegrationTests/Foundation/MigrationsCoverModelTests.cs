using Ctms.IntegrationTests.Support;
using Ctms.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.Foundation;

/// <summary>
/// Every module context on every provider has migrations for its whole model: a model change without
/// `scripts/add-migration.sh` fails here. No database is contacted.
/// </summary>
[Trait("Category", "Foundation")]
public sealed class MigrationsCoverModelTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task No_module_context_has_model_changes_without_a_migration(DatabaseProvider provider)
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var contexts = app.Services.GetServices<IMigratableContext>().ToList();
        var settings = new DatabaseSettings(provider, provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=:memory:",
            DatabaseProvider.PostgreSql => "Host=localhost;Database=unused",
            _ => "Server=localhost;Database=unused;TrustServerCertificate=true",
        }, MigrateOnStartup: false);

        var uncovered = new List<string>();
        foreach (var module in contexts)
        {
            var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(module.ContextType))!;
            ModuleDbContextRegistration.Configure(builder, settings, module.Schema);
            using var context = (DbContext)Activator.CreateInstance(module.ContextType, builder.Options)!;
            Assert.NotEmpty(context.Database.GetMigrations());
            if (context.Database.HasPendingModelChanges())
            {
                uncovered.Add(module.ContextType.Name);
            }
        }

        Assert.Equal(7, contexts.Count);
        Assert.True(uncovered.Count == 0, $"{provider}: model changes with no migration in {string.Join(", ", uncovered)}; run scripts/add-migration.sh <Name>.");
    }
}
