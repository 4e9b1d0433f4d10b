using System.Diagnostics;

namespace Ctms.IntegrationTests.Support;

/// <summary>A bounded poll for asynchronous outcomes: never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
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

            await Task.Delay(50);
        }
        while (watch.Elapsed < limit);

        throw new TimeoutException($"Waited {limit.TotalSeconds:F0} s for {what}; last value: {last}");
    }
}
