using Ctms.IntegrationTests.Support;
using Ctms.IntegrationTests.TrialsSites;
using Ctms.Reporting.Consumers;
using Ctms.Reporting.Contracts;
using Ctms.Reporting.Features.TrialDashboard;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Subjects.Contracts.IntegrationEvents;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.Reporting;

[Trait("Category", "Reporting")]
public sealed class ReadModelFlowTests
{
    private static async Task<SiteMetrics?> MetricsAsync(CtmsAppFactory app, Guid siteId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<IReportingQueries>()
            .SiteMetricsAsync(DemoIds.TrialOncology, DateOnly.FromDateTime(DateTime.UtcNow));
        return all.SingleOrDefault(m => m.SiteId == siteId);
    }

    [Fact]
    public async Task Events_through_the_bus_are_projected_once_and_open_dashboards_are_told()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        var notices = 0;
        app.Services.GetRequiredService<ReportingChangeFeed>().TrialChanged += id =>
        {
            if (id == DemoIds.TrialOncology)
            {
                Interlocked.Increment(ref notices);
            }
        };
        var subject = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var screened = new SubjectScreened(subject, DemoIds.TrialOncology, DemoIds.SiteOncologySeoul, "ONC-SEO-900", DateOnly.FromDateTime(now.UtcDateTime), now);
        var enrolled = new SubjectEnrolled(subject, DemoIds.TrialOncology, DemoIds.SiteOncologySeoul, "ONC-SEO-900", now.AddMinutes(5));
        var enrolledId = Guid.NewGuid();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
            // Enrollment first, then its redelivery, then the screening that was published before it.
            await bus.Publish(enrolled, c => c.MessageId = enrolledId);
            await bus.Publish(enrolled, c => c.MessageId = enrolledId);
            await bus.Publish(screened, c => c.MessageId = Guid.NewGuid());
        }

        var metrics = await Eventually.Until(() => MetricsAsync(app, DemoIds.SiteOncologySeoul), m => m is { Screened: 1, Enrolled: 1 },
            "the Seoul site's screened and enrolled subject");
        Assert.Equal(0, metrics!.ScreenFailed);
        await Eventually.Until(() => Task.FromResult(Volatile.Read(ref notices)), n => n >= 2, "change notices for the oncology trial");
        await using var check = app.Services.CreateAsyncScope();
        var counts = await check.ServiceProvider.GetRequiredService<IReportingQueries>().SiteEnrollmentAsync(DemoIds.TrialOncology);
        Assert.Equal(1, counts.Single(c => c.SiteId == DemoIds.SiteOncologySeoul).Enrolled);
    }

    [Fact]
    public async Task The_trial_dashboard_is_for_the_trials_sponsor_only()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;

        await using (var sponsor = await app.UserScopeAsync("sponsor@demo.ctms"))
        {
            var result = await sponsor.Get<IQueryHandler<TrialDashboardQuery, TrialDashboard>>().HandleAsync(new TrialDashboardQuery(DemoIds.TrialOncology));
            Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Describe());
            Assert.Contains(result.Value.Sites, s => s.Site.Id == DemoIds.SiteOncologySeoul);
            Assert.DoesNotContain(result.Value.Sites, s => s.Site.TrialId != DemoIds.TrialOncology);

            var drill = await sponsor.Get<IQueryHandler<TrialDashboardQuery, TrialDashboard>>()
                .HandleAsync(new TrialDashboardQuery(DemoIds.TrialOncology, DemoIds.SiteCardiologySeoul));
            Assert.Equal("not-found", drill.Errors[0].Code);
        }

        await using (var other = app.OtherTenantSponsorScope())
        {
            var result = await other.Get<IQueryHandler<TrialDashboardQuery, TrialDashboard>>().HandleAsync(new TrialDashboardQuery(DemoIds.TrialOncology));
            Assert.Equal("not-found", result.Errors[0].Code);
        }

        await using (var coordinator = await app.UserScopeAsync("coordinator@demo.ctms"))
        {
            var result = await coordinator.Get<IQueryHandler<TrialDashboardQuery, TrialDashboard>>().HandleAsync(new TrialDashboardQuery(DemoIds.TrialOncology));
            Assert.Equal("forbidden", result.Errors[0].Code);
        }
    }
}
