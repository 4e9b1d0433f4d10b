using System.Collections.Concurrent;

namespace Ctms.SiteSync.Gateway;

/// <summary>
/// A site's messages are worked by several subject lanes at once (<see cref="AcquireLaneAsync"/>: each lane keeps its
/// subjects in order), while the park sweeper and operator replays need the site to themselves
/// (<see cref="AcquireAsync"/>): they touch any subject's sequence.
/// </summary>
internal sealed class SiteLocks
{
    /// <summary>More than any lane count: an exclusive holder takes every permit, a lane one.</summary>
    public const int MaxLanes = 64;

    private readonly ConcurrentDictionary<string, SiteGate> _gates = new(StringComparer.Ordinal);

    /// <summary>The whole site: waits for the lanes' current messages to finish and holds new ones back.</summary>
    public async Task<IDisposable> AcquireAsync(string siteCode, CancellationToken cancellationToken)
    {
        var gate = Gate(siteCode);
        await gate.Exclusive.WaitAsync(cancellationToken);
        var taken = 0;
        try
        {
            for (; taken < MaxLanes; taken++)
            {
                await gate.Permits.WaitAsync(cancellationToken);
            }
        }
        catch
        {
            Free(gate, taken, exclusive: true);
            throw;
        }

        return new Release(() => Free(gate, MaxLanes, exclusive: true));
    }

    /// <summary>One lane's message: runs beside the other lanes of the site, never beside an exclusive holder.</summary>
    public async Task<IDisposable> AcquireLaneAsync(string siteCode, CancellationToken cancellationToken)
    {
        var gate = Gate(siteCode);
        await gate.Permits.WaitAsync(cancellationToken);
        return new Release(() => Free(gate, 1, exclusive: false));
    }

    private SiteGate Gate(string siteCode) => _gates.GetOrAdd(siteCode, _ => new SiteGate());

    private static void Free(SiteGate gate, int permits, bool exclusive)
    {
        if (permits > 0)
        {
            gate.Permits.Release(permits);
        }

        if (exclusive)
        {
            gate.Exclusive.Release();
        }
    }

    private sealed class SiteGate
    {
        public SemaphoreSlim Exclusive { get; } = new(1, 1);
        public SemaphoreSlim Permits { get; } = new(MaxLanes, MaxLanes);
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }
        }
    }
}
