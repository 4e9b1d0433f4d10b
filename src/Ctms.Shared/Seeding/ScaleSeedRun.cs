using System.Diagnostics;

namespace Ctms.Shared.Seeding;

/// <summary>Counts what a module's scale seeder writes per table and times it.</summary>
public sealed class ScaleSeedRun(string module)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Dictionary<string, int> _rows = [];

    public void Add(string table, int rows) => _rows[table] = _rows.GetValueOrDefault(table) + rows;

    public ScaleSeedPart Finish() => new(module, _rows, _watch.Elapsed);
}
