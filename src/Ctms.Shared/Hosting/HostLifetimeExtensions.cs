using Microsoft.Extensions.Hosting;

namespace Ctms.Shared.Hosting;

public static class HostLifetimeExtensions
{
    /// <summary>
    /// Completes once the host has started (Kestrel listening). Background work that is not needed to serve the first
    /// page waits for it, so on a cold start it does not compete for the CPU and the SQLite write lock with the start-up.
    /// </summary>
    public static async Task WaitForStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        await started.Task;
    }
}
