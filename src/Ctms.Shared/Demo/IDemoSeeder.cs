namespace Ctms.Shared.Demo;

/// <summary>A module's part of the demo data. Seeds only when the module's own tables are empty.</summary>
public interface IDemoSeeder
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
