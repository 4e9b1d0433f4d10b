using Bunit;
using Ctms.Reporting.Consumers;
using Ctms.Reporting.Features.SponsorDashboard;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Trials.Contracts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Ctms.Web.Tests.Reporting;

/// <summary>Hand-written query double: answers with <see cref="Next"/> and counts calls (from any thread).</summary>
internal sealed class DashboardQueryDouble : IQueryHandler<SponsorDashboardQuery, IReadOnlyList<TrialProgress>>
{
    private int _calls;

    public volatile Result<IReadOnlyList<TrialProgress>> Next = Result.Success<IReadOnlyList<TrialProgress>>([]);

    public int Calls => Volatile.Read(ref _calls);

    public Task<Result<IReadOnlyList<TrialProgress>>> HandleAsync(SponsorDashboardQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(Next);
    }
}

[Trait("Category", "Foundation")]
public sealed class SponsorDashboardPageTests : BunitContext
{
    /// <summary>Upper bound for a re-render to show up; a passing test waits only until it does.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly Guid SiteA = Guid.NewGuid();
    private static readonly Guid SiteB = Guid.NewGuid();

    private readonly DashboardQueryDouble _query = new();
    private readonly ReportingChangeFeed _feed = new();
    private readonly TrialSummary _trial = new(Guid.NewGuid(), "acme", "SEL-301", "Selene phase III", "phase-3", "active", 10, false);

    public SponsorDashboardPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IQueryHandler<SponsorDashboardQuery, IReadOnlyList<TrialProgress>>>(_query);
        Services.AddSingleton(_feed);
    }

    private Result<IReadOnlyList<TrialProgress>> Progress(int enrolledA, int enrolledB) =>
        Result.Success<IReadOnlyList<TrialProgress>>(
        [
            new TrialProgress(_trial,
            [
                new SiteProgress(SiteA, "SEL01", "Hospital One", "active", enrolledA, 5),
                new SiteProgress(SiteB, "SEL02", "Hospital Two", "pending", enrolledB, 5),
            ]),
        ]);

    private static string Text(IRenderedComponent<SponsorDashboardPage> cut, string testId) =>
        cut.Find($"[data-testid='{testId}']").TextContent.Trim();

    [Fact]
    public void Shows_enrolled_per_site_and_the_trial_percentage()
    {
        _query.Next = Progress(2, 1);

        var cut = Render<SponsorDashboardPage>();

        Assert.Equal("2", Text(cut, "site-enrolled-SEL01"));
        Assert.Equal("1", Text(cut, "site-enrolled-SEL02"));
        var summary = Text(cut, "trial-enrolled");
        Assert.Contains("Enrolled 3 of 10 (30%)", summary, StringComparison.Ordinal);
        Assert.Contains("sites active 1/2", summary, StringComparison.Ordinal);
        Assert.Contains("SEL-301", cut.Find("[data-testid='trial-SEL-301']").TextContent, StringComparison.Ordinal);
        Assert.Equal(1, _query.Calls);
    }

    [Fact]
    public void A_change_notice_for_a_shown_trial_reloads_and_re_renders_by_itself()
    {
        _query.Next = Progress(2, 1);
        var cut = Render<SponsorDashboardPage>();

        _query.Next = Progress(3, 1);
        _feed.Publish(_trial.Id);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("3", Text(cut, "site-enrolled-SEL01"));
            Assert.Contains("Enrolled 4 of 10 (40%)", Text(cut, "trial-enrolled"), StringComparison.Ordinal);
        }, Patience);
        Assert.Equal(2, _query.Calls);
    }

    [Fact]
    public void A_change_notice_for_another_trial_does_not_reload()
    {
        _query.Next = Progress(2, 1);
        var cut = Render<SponsorDashboardPage>();

        _query.Next = Progress(4, 4);
        _feed.Publish(Guid.NewGuid());
        Assert.Equal(1, _query.Calls);

        // A notice for the shown trial, dispatched after the other one, is the barrier: once it has been
        // handled, any reload the first notice had queued would have run too.
        _feed.Publish(_trial.Id);
        cut.WaitForAssertion(() => Assert.Equal("4", Text(cut, "site-enrolled-SEL01")), Patience);
        Assert.Equal(2, _query.Calls);
    }

    [Fact]
    public void A_refused_query_shows_its_message_in_an_alert()
    {
        _query.Next = Result.Failure<IReadOnlyList<TrialProgress>>(
            Error.Forbidden("Your account is not linked to a sponsor organisation."));

        var cut = Render<SponsorDashboardPage>();

        var alert = cut.Find(".mud-alert");
        Assert.Contains("Your account is not linked to a sponsor organisation.", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-alert-text-error", alert.ClassName, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid^='site-enrolled-']"));
    }

    [Fact]
    public void Disposing_the_page_unsubscribes_from_the_feed()
    {
        _query.Next = Progress(2, 1);
        var cut = Render<SponsorDashboardPage>();

        cut.Instance.Dispose();
        _feed.Publish(_trial.Id);

        Assert.Equal(1, _query.Calls);
    }

    [Fact]
    public void Alerts_show_only_when_a_trial_has_some_and_the_trial_links_to_its_dashboard()
    {
        var quiet = Progress(1, 1).Value[0];
        var alarming = new TrialProgress(_trial with { Id = Guid.NewGuid(), ProtocolNumber = "SEL-302" }, quiet.Sites) { Alerts = new TrialAlerts(1, 2, 3) };
        _query.Next = Result.Success<IReadOnlyList<TrialProgress>>([quiet, alarming]);

        var cut = Render<SponsorDashboardPage>();

        Assert.Empty(cut.FindAll("[data-testid='trial-SEL-301'] [data-testid='trial-alerts']"));
        var alerts = cut.Find("[data-testid='trial-SEL-302'] [data-testid='trial-alerts']").TextContent;
        Assert.Contains("1 IRB approval(s)", alerts, StringComparison.Ordinal);
        Assert.Contains("2 late SAE report(s)", alerts, StringComparison.Ordinal);
        Assert.Contains("3 overdue visit(s)", alerts, StringComparison.Ordinal);
        Assert.Equal($"/sponsor/trials/{_trial.Id}", cut.Find("[data-testid='open-SEL-301']").GetAttribute("href"));
    }
}
