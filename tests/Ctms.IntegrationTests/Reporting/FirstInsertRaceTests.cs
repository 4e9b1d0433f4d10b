using System.Collections.Concurrent;
using Ctms.IntegrationTests.Support;
using Ctms.Reporting.Persistence;
using Ctms.Shared.Demo;
using Ctms.Subjects.Contracts.IntegrationEvents;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ctms.IntegrationTests.Reporting;

/// <summary>
/// A new subject's first events arrive together on different endpoints (each Reporting consumer has its own queue), so
/// their consumers race to create the subject's row. That race is normal: no delivery may fault and nothing may be
/// logged at error level for it.
/// </summary>
[Trait("Category", "Reporting")]
public sealed class FirstInsertRaceTests
{
    private static readonly Guid Trial = DemoIds.TrialOncology;
    private static readonly Guid Site = DemoIds.SiteOncologySeoul;

    [Fact]
    public async Task Concurrent_first_events_of_new_subjects_create_each_row_once_without_errors_on_sqlite() =>
        await ConcurrentFirstEventsAsync(await TestBackend.SqliteInMemoryBusAsync());

    [PostgresRabbitFact]
    public async Task Concurrent_first_events_of_new_subjects_create_each_row_once_without_errors_on_postgresql() =>
        await ConcurrentFirstEventsAsync(await TestBackend.PostgresRabbitAsync());

    private static async Task ConcurrentFirstEventsAsync(TestBackend backend)
    {
        await using var owned = backend;
        var errors = new ErrorLog();
        await using var app = new CtmsAppFactory(backend, services: s => s.AddSingleton<ILoggerProvider>(errors));
        _ = app.Server;
        var bus = app.Services.GetRequiredService<IBus>();
        var observer = new ConsumedMessages();
        using var observing = bus.ConnectConsumeObserver(observer);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        var subjects = Enumerable.Range(0, 25).Select(i => (Id: Guid.NewGuid(), Number: $"SEL01-{700 + i}")).ToList();
        var messageIds = new List<Guid>();

        await Task.WhenAll(subjects.SelectMany(s => new object[]
        {
            new SubjectScreened(s.Id, Trial, Site, s.Number, today, now),
            new ConsentSigned(s.Id, Trial, Site, s.Number, Guid.NewGuid(), "1.0", today, false, now),
            new EligibilityAssessed(s.Id, Trial, Site, s.Number, Guid.NewGuid(), true, [], today, now),
            new SubjectEnrolled(s.Id, Trial, Site, s.Number, now),
        }).Select(message =>
        {
            var id = Guid.NewGuid();
            lock (messageIds)
            {
                messageIds.Add(id);
            }

            return bus.Publish(message, message.GetType(), c => c.MessageId = id);
        }));

        await Eventually.Until(() => Task.FromResult(messageIds.Count(id => observer.Completed(id) > 0 || observer.Faulted(id) > 0)), n => n == messageIds.Count,
            "every delivery consumed", TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(messageIds, id => observer.Faulted(id) > 0);
        // The race showed as EF Core's "failed executing DbCommand" (and SaveChanges' update failure) and MassTransit's fault
        // entries. EF Core's connection category is not among them: once in CI, under the whole suite's load, it logged one
        // connection error here whose deliveries all succeeded (the server logged nothing); it is a different question.
        var raceErrors = errors.Entries.Where(e => e.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal)
                                                  || e.StartsWith("Microsoft.EntityFrameworkCore.Update", StringComparison.Ordinal)
                                                  || e.StartsWith("MassTransit", StringComparison.Ordinal)
                                                  || e.Contains("Reporting", StringComparison.Ordinal)).ToList();
        Assert.True(raceErrors.Count == 0, "error-level log entries:\n" + string.Join("\n", raceErrors));

        await using var scope = app.Services.CreateAsyncScope();
        var ids = subjects.Select(s => s.Id).ToList();
        var rows = await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Subjects.AsNoTracking().Where(r => ids.Contains(r.SubjectId)).ToListAsync();
        Assert.Equal(subjects.Count, rows.Count);
        Assert.All(rows, r => Assert.True(r is { ScreenedOn: not null, ConsentedOn: not null, Eligible: true, EnrolledOn: not null },
            $"{r.SubjectNumber}: every event applied"));
    }

    /// <summary>Every entry at error level or above, from any category.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    entries.Enqueue($"{category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
                }
            }
        }
    }
}
