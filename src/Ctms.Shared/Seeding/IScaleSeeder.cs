namespace Ctms.Shared.Seeding;

/// <summary>What one module's scale seeder wrote: rows per table, and how long it took.</summary>
public sealed record ScaleSeedPart(string Module, IReadOnlyDictionary<string, int> Rows, TimeSpan Elapsed);

/// <summary>
/// A module's part of the scale data set (<c>seed --tier</c>): it writes its own tables from the shared
/// <see cref="ScalePlan"/>, through <see cref="Persistence.BulkInsert"/>.
/// </summary>
public interface IScaleSeeder
{
    /// <summary>Lower runs first (owners before the read model).</summary>
    int Order { get; }

    string Module { get; }

    /// <summary>Rows in the module's tables that belong neither to the demo data nor to a scale plan.</summary>
    Task<int> CountOtherDataAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the rows an earlier run of this plan's tier wrote, so a forced re-run starts clean.</summary>
    Task RemoveAsync(ScalePlan plan, CancellationToken cancellationToken);

    Task<ScaleSeedPart> SeedAsync(ScalePlan plan, CancellationToken cancellationToken);
}
