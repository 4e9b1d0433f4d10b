using Ctms.Shared.Persistence;
using Microsoft.Extensions.Configuration;

namespace Ctms.UnitTests.Shared;

[Trait("Category", "Foundation")]
public sealed class DatabaseSettingsReaderTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ctms-unit-" + Guid.NewGuid().ToString("N"), "data");

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_dataFolder)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    [Fact]
    public void Default_is_sqlite_in_the_data_folder_which_is_created()
    {
        Assert.False(Directory.Exists(_dataFolder));

        var settings = DatabaseSettingsReader.Read(Config(), _dataFolder);

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal($"Data Source={Path.Combine(_dataFolder, "ctms.db")}", settings.ConnectionString);
        Assert.True(Directory.Exists(_dataFolder));
        Assert.True(settings.MigrateOnStartup);
        Assert.Equal("Ctms.Migrations.Sqlite", settings.MigrationsAssembly);
    }

    [Fact]
    public void Provider_name_is_case_insensitive_and_uses_the_given_connection_string()
    {
        var settings = DatabaseSettingsReader.Read(
            Config(("Database:Provider", "postgresql"), ("ConnectionStrings:Ctms", "Host=db;Database=ctms")), _dataFolder);

        Assert.Equal(DatabaseProvider.PostgreSql, settings.Provider);
        Assert.Equal("Host=db;Database=ctms", settings.ConnectionString);
        Assert.Equal("Ctms.Migrations.PostgreSql", settings.MigrationsAssembly);
        Assert.False(Directory.Exists(_dataFolder));
    }

    [Fact]
    public void Unknown_provider_is_refused_naming_the_setting_and_the_valid_values()
    {
        var ex = Assert.Throws<InvalidOperationException>(
            () => DatabaseSettingsReader.Read(Config(("Database:Provider", "Oracle")), _dataFolder));

        Assert.Contains("Database:Provider", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Oracle", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite | PostgreSql | SqlServer", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("1")] // a defined enum number must not silently mean PostgreSql
    public void Numeric_provider_value_is_refused(string value)
    {
        var ex = Assert.Throws<InvalidOperationException>(
            () => DatabaseSettingsReader.Read(Config(("Database:Provider", value)), _dataFolder));

        Assert.Contains("Database:Provider", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public void Server_provider_without_a_connection_string_is_refused_naming_the_setting(string provider)
    {
        var ex = Assert.Throws<InvalidOperationException>(
            () => DatabaseSettingsReader.Read(Config(("Database:Provider", provider)), _dataFolder));

        Assert.Contains("ConnectionStrings:Ctms", ex.Message, StringComparison.Ordinal);
        Assert.Contains(provider, ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dataFolder));
    }

    [Fact]
    public void MigrateOnStartup_false_is_respected()
    {
        var settings = DatabaseSettingsReader.Read(Config(("Database:MigrateOnStartup", "false")), _dataFolder);

        Assert.False(settings.MigrateOnStartup);
    }

    [Fact]
    public void Sqlite_with_an_explicit_connection_string_keeps_it()
    {
        var settings = DatabaseSettingsReader.Read(
            Config(("Database:Provider", "Sqlite"), ("ConnectionStrings:Ctms", "Data Source=:memory:")), _dataFolder);

        Assert.Equal("Data Source=:memory:", settings.ConnectionString);
        Assert.False(Directory.Exists(_dataFolder));
    }

    [Fact]
    public void A_migrate_on_startup_value_that_is_not_a_boolean_is_refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(
            () => DatabaseSettingsReader.Read(Config(("Database:MigrateOnStartup", "sometimes")), _dataFolder));

        Assert.Contains("'Database:MigrateOnStartup' must be true or false", ex.Message, StringComparison.Ordinal);
    }
}
