namespace Ctms.Shared.Persistence;

/// <summary>
/// The resolved database choice. Built once from configuration by <see cref="DatabaseSettingsReader"/>,
/// which refuses an unknown provider or a missing connection string before anything starts.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup)
{
    public string MigrationsAssembly => Provider switch
    {
        DatabaseProvider.Sqlite => "Ctms.Migrations.Sqlite",
        DatabaseProvider.PostgreSql => "Ctms.Migrations.PostgreSql",
        DatabaseProvider.SqlServer => "Ctms.Migrations.SqlServer",
        _ => throw new InvalidOperationException($"No migrations assembly for {Provider}."),
    };
}
