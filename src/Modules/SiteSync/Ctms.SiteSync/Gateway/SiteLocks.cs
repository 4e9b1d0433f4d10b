using System.Collections.Concurrent;

namespace Ctms.SiteSync.Gateway;

/// <summary>One site's messages are processed one at a time (consumer, park sweeper and operator replays share this lock).</summary>
internal sealed class SiteLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string siteCode, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(siteCode, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
