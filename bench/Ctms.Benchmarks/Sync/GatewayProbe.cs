using System.Diagnostics;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Messaging;
using Ctms.SiteSync.Domain;
using Ctms.SiteSync.Persistence;
using Ctms.Subjects.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Benchmarks.Sync;

/// <summary>What the central has stored: finished site messages (accepted or rejected, with the answer row written in the same commit) and unsent answers.</summary>
internal static class GatewayProbe
{
    private static long _queries;

    /// <summary>The probe's own EF Core queries, so a run's queries per event can leave them out.</summary>
    public static long Queries => Interlocked.Read(ref _queries);

    public static async Task<(int Accepted, int Rejected, int Parked)> OutcomesAsync(CtmsAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<SiteSyncDbContext>().SiteMessages.AsNoTracking();
        var counts = await messages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        int Of(string status) => counts.FirstOrDefault(c => c.Key == status)?.Count ?? 0;
        return (Of(SiteMessageStatus.Accepted), Of(SiteMessageStatus.Rejected), Of(SiteMessageStatus.Parked));
    }

    /// <summary>
    /// Returns when <paramref name="finished"/> site messages are accepted or rejected and every answer has been published
    /// with a confirm: the last effect of the last message is in the database and its answer is on the site's queue.
    /// </summary>
    public static async Task UntilDoneAsync(CtmsAppFactory app, int finished, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SiteSyncDbContext>();
                var done = await db.SiteMessages.CountAsync(m => m.Status == SiteMessageStatus.Accepted || m.Status == SiteMessageStatus.Rejected);
                Interlocked.Increment(ref _queries);
                if (done >= finished)
                {
                    Interlocked.Increment(ref _queries);
                    if (!await db.OutboundMessages.AnyAsync(m => m.SentAt == null))
                    {
                        return;
                    }
                }

                if (clock.Elapsed > limit)
                {
                    throw new TimeoutException($"Only {done} of {finished} site messages finished within {limit.TotalSeconds:0} s.");
                }
            }

            // 100 ms: a run lasts tens of seconds, so the clock's error stays under 1 %, and the count over a growing
            // table polled 50 times a second took CPU and database time from the gateway it measures.
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Untimed, after a gateway run: the Subjects module's integration events of the run are published, so their
    /// consumers' work does not fall into the next (raw) run.
    /// </summary>
    public static async Task SubjectsOutboxDrainedAsync(CtmsAppFactory app)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await using var scope = app.Services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<SubjectsDbContext>().Set<OutboxMessage>().AnyAsync(m => m.SentAt == null))
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    public static async Task<IReadOnlyList<string>> SomeRejectionsAsync(CtmsAppFactory app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteSyncDbContext>().SiteMessages.AsNoTracking()
            .Where(m => m.Status == SiteMessageStatus.Rejected).Select(m => m.Type + ": " + m.ReasonsJson).Take(count).ToListAsync();
    }
}
