namespace Ctms.Shared.Persistence;

/// <summary>A module's own DbContext: it names the schema it owns (a table prefix on SQLite).</summary>
public interface IModuleDbContext
{
    string Schema { get; }
}
