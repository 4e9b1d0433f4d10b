using Microsoft.Extensions.Configuration;

namespace Ctms.Shared.Persistence;

public static class DatabaseSettingsReader
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Ctms";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    /// <summary>
    /// Reads <c>Database:Provider</c> and <c>ConnectionStrings:Ctms</c>. SQLite needs no connection string:
    /// it defaults to a file in <paramref name="dataFolder"/>, created on first run.
    /// </summary>
    /// <exception cref="InvalidOperationException">The message names the setting and the valid values.</exception>
    public static DatabaseSettings Read(IConfiguration configuration, string dataFolder)
    {
        var raw = configuration[ProviderKey];
        var valid = string.Join(" | ", Enum.GetNames<DatabaseProvider>());
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(raw))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.GetNames<DatabaseProvider>().Contains(raw, StringComparer.OrdinalIgnoreCase) ||
                 !Enum.TryParse(raw, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Setting '{ProviderKey}' has the unknown value '{raw}'. Valid values: {valid}.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException(
                    $"Setting '{ConnectionStringKey}' is required when '{ProviderKey}' is {provider}. " +
                    $"Valid providers: {valid}; only Sqlite works without a connection string.");
            }

            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "ctms.db")}";
        }

        var rawMigrate = configuration["Database:MigrateOnStartup"];
        var migrate = true;
        if (!string.IsNullOrWhiteSpace(rawMigrate) && !bool.TryParse(rawMigrate, out migrate))
        {
            throw new InvalidOperationException($"Setting 'Database:MigrateOnStartup' must be true or false; got '{rawMigrate}'.");
        }

        return new DatabaseSettings(provider, connectionString, migrate);
    }
}
