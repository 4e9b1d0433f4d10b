namespace Ctms.SiteSync.Gateway;

/// <summary>Wakes the outbound relay when an answer or a central update was stored, so sites do not wait for the poll.</summary>
internal sealed class SiteSyncSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    public void Dispose() => _signal.Dispose();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await _signal.WaitAsync(timeout, cancellationToken);
}
