using System.Diagnostics.Metrics;

namespace Ctms.Benchmarks.Measurement;

/// <summary>
/// EF Core's own cumulative counters (meter <c>Microsoft.EntityFrameworkCore</c>, EF Core 9+): queries, SaveChanges and
/// optimistic-concurrency failures of every DbContext in the process, so a run can say how much database work one
/// operation costs, whichever module does it.
/// </summary>
internal sealed class EfCoreCounters : IDisposable
{
    private static readonly string[] Wanted =
    [
        "microsoft.entityframeworkcore.queries",
        "microsoft.entityframeworkcore.savechanges",
        "microsoft.entityframeworkcore.optimistic_concurrency_failures",
    ];

    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _latest = [];

    public EfCoreCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.EntityFrameworkCore" && Wanted.Contains(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_latest)
            {
                _latest[instrument.Name.Replace("microsoft.entityframeworkcore.", "", StringComparison.Ordinal)] = value;
            }
        });
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            lock (_latest)
            {
                _latest[instrument.Name.Replace("microsoft.entityframeworkcore.", "", StringComparison.Ordinal)] = value;
            }
        });
        _listener.Start();
    }

    /// <summary>The cumulative values now.</summary>
    public IReadOnlyDictionary<string, long> Snapshot()
    {
        _listener.RecordObservableInstruments();
        lock (_latest)
        {
            return new Dictionary<string, long>(_latest);
        }
    }

    /// <summary>Per operation between two snapshots, e.g. queries per site event.</summary>
    public static Dictionary<string, double> PerOperation(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, int operations) =>
        after.ToDictionary(a => a.Key, a => Math.Round((a.Value - before.GetValueOrDefault(a.Key)) / (double)operations, 2));

    public void Dispose() => _listener.Dispose();
}
