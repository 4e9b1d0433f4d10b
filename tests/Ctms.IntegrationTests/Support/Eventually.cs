using System.Diagnostics;

namespace Ctms.IntegrationTests.Support;

/// <summary>A bounded poll for asynchronous outcomes: never a fixed sleep.</summary>
public static class Eventually
{
    /// <param name="interval">
    /// Pause between probes (50 ms unless told). Longer for a probe that is itself an attempt, such as reconnecting to a
    /// broker that is down: it is the back-off between attempts, so they do not hammer the broker while it restarts.
    /// </param>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var watch = Stopwatch.StartNew();
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }
        while (watch.Elapsed < limit);

        throw new TimeoutException($"Waited {limit.TotalSeconds:F0} s for {what}; last value: {last}");
    }
}
