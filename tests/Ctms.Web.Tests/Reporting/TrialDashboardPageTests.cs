using Bunit;
using Ctms.Reporting.Consumers;
using Ctms.Reporting.Contracts;
using Ctms.Reporting.Features.Exports;
using Ctms.Reporting.Features.TrialDashboard;
using Ctms.Reporting.Persistence;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Sites.Contracts;
using Ctms.Trials.Contracts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Ctms.Web.Tests.Reporting;

/// <summary>Answers with <see cref="Next"/> and counts calls (from any thread).</summary>
internal sealed class TrialDashboardQueryDouble : IQueryHandler<TrialDashboardQuery, TrialDashboard>
{
    private int _calls;

    public volatile Result<TrialDashboard>? Next;

    public int Calls => Volatile.Read(ref _calls);

    public TrialDashboardQuery? LastQuery { get; private set; }

    public Task<Result<TrialDashboard>> HandleAsync(TrialDashboardQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        LastQuery = query;
        return Task.FromResult(Next!);
    }
}

[Trait("Category", "Reporting")]
public sealed class TrialDashboardPageTests : BunitContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly DateOnly Today = new(2026, 11, 28);

    private readonly TrialDashboardQueryDouble _query = new();
    private readonly ReportingChangeFeed _feed = new();
    private readonly TrialSummary _trial = new(Guid.NewGuid(), "acme", "SEL-301", "Selene phase III", "phase-3", "active", 20, false);
    private readonly SiteSummary _siteA;
    private readonly SiteSummary _siteB;

    public TrialDashboardPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IQueryHandler<TrialDashboardQuery, TrialDashboard>>(_query);
        Services.AddSingleton(_feed);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ExportSignal>();
        Services.AddSingleton<ExportJobs>();
        Services.AddSingleton<ICurrentUser>(new CurrentUserAccessor());
        _siteA = new SiteSummary(Guid.NewGuid(), _trial.Id, Guid.NewGuid(), "Hospital One", "SEL01", "Dr One", "active", 10);
        _siteB = new SiteSummary(Guid.NewGuid(), _trial.Id, Guid.NewGuid(), "Hospital Two", "SEL02", "Dr Two", "pending", 10);
    }

    private SiteMetrics Metrics(SiteSummary site, int screened, int failed, int enrolled, int overdue = 0) =>
        new(_trial.Id, site.Id, screened, failed, screened, enrolled, 0, 0, 0, 3, 2, 0, overdue, 0, 1, 0, 0, 0);

    private Result<TrialDashboard> Dashboard(int enrolledA, int enrolledB = 1) => Result.Success(new TrialDashboard(
        _trial,
        Today,
        null,
        [
            new SiteDashboardRow(_siteA, Metrics(_siteA, 4, 1, enrolledA, overdue: 2),
                new Dictionary<string, DateOnly> { ["selected"] = Today.AddDays(-90), ["activated"] = Today.AddDays(-30) },
                new ApprovalRow(Guid.NewGuid(), _siteA.InstitutionId, false, Today.AddDays(-300), Today.AddDays(20), null)),
            new SiteDashboardRow(_siteB, Metrics(_siteB, 2, 0, enrolledB), new Dictionary<string, DateOnly> { ["selected"] = Today.AddDays(-40) }, null),
        ],
        [new RecruitmentPoint(Today.AddDays(-20), 1), new RecruitmentPoint(Today.AddDays(-5), enrolledA + enrolledB)],
        [new ArmCount("Drug", 2), new ArmCount("Placebo", 1)],
        [new ScreenFailReason("age < 18", 1)],
        [new OverdueVisit(_siteA.Id, "SEL01-001", "Week 4", Today.AddDays(-10), Today.AddDays(-8))],
        [new LateSae(_siteA.Id, "SEL01-002", "Pneumonia", Today.ToDateTime(TimeOnly.MinValue).ToUniversalTime(), DateTimeOffset.UtcNow)],
        [new DeviationRow(_siteA.Id, "SEL01-001", "visit-window", "minor", Today.AddDays(-3))],
        [new ApprovalRow(Guid.NewGuid(), _siteA.InstitutionId, false, Today.AddDays(-300), Today.AddDays(20), null)],
        new Dictionary<Guid, string> { [_siteA.Id] = "SEL01", [_siteB.Id] = "SEL02" },
        new Dictionary<Guid, string> { [_siteA.InstitutionId] = "Hospital One", [_siteB.InstitutionId] = "Hospital Two" }));

    private IRenderedComponent<TrialDashboardPage> RenderPage() => Render<TrialDashboardPage>(p => p.Add(x => x.TrialId, _trial.Id));

    private static string Text(IRenderedComponent<TrialDashboardPage> cut, string testId) =>
        cut.Find($"[data-testid='{testId}']").TextContent.Trim();

    [Fact]
    public void Shows_each_charts_numbers_as_a_table_and_the_trial_summary()
    {
        _query.Next = Dashboard(enrolledA: 3);

        var cut = RenderPage();

        Assert.Equal("3", Text(cut, "chart-enrolled-SEL01"));
        Assert.Equal("1", Text(cut, "chart-enrolled-SEL02"));
        Assert.Equal("4", Text(cut, "trial-enrolled-count"));
        Assert.Equal("25", Text(cut, "screen-fail-rate-SEL01"));
        Assert.Equal("2", Text(cut, "site-overdue-SEL01"));
        Assert.Equal("60", Text(cut, "cycle-time-SEL01"));
        Assert.Equal("", Text(cut, "cycle-time-SEL02"));
        Assert.Equal("2", Text(cut, "funnel-selected"));
        Assert.Equal("1", Text(cut, "funnel-activated"));
        Assert.Contains("Week 4", Text(cut, "overdue-visits"), StringComparison.Ordinal);
        Assert.Contains("Pneumonia", Text(cut, "late-saes"), StringComparison.Ordinal);
        Assert.Contains("in-force", Text(cut, "irb-approvals"), StringComparison.Ordinal);
        Assert.Contains("2026-12", Text(cut, "expiry-calendar"), StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("[data-testid='recruitment-table'] tbody tr").Count);
    }

    [Fact]
    public void Every_table_offers_a_csv_of_its_rows()
    {
        _query.Next = Dashboard(enrolledA: 3);

        var cut = RenderPage();

        var links = cut.FindAll("a[download]");
        Assert.True(links.Count >= 10, $"only {links.Count} CSV links");
        var sites = cut.Find("a[data-testid='sites-csv']");
        var csv = Uri.UnescapeDataString(sites.GetAttribute("href")!["data:text/csv;charset=utf-8,".Length..]).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("site,institution,status,screened,screen_failed,consented,enrolled,target", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("SEL01,Hospital One,active,4,1,4,3,10", lines[1], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void A_change_notice_for_the_trial_reloads_without_a_page_reload_and_others_are_ignored()
    {
        _query.Next = Dashboard(enrolledA: 3);
        var cut = RenderPage();

        _query.Next = Dashboard(enrolledA: 5);
        _feed.Publish(Guid.NewGuid());
        Assert.Equal(1, _query.Calls);
        _feed.Publish(_trial.Id);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("5", Text(cut, "chart-enrolled-SEL01"));
            Assert.Equal("6", Text(cut, "trial-enrolled-count"));
        }, Patience);
        Assert.Equal(2, _query.Calls);

        cut.Instance.Dispose();
        _feed.Publish(_trial.Id);
        Assert.Equal(2, _query.Calls);
    }

    [Fact]
    public void A_refused_query_shows_its_message()
    {
        _query.Next = Result.Failure<TrialDashboard>(Error.NotFound("The trial"));

        var cut = RenderPage();

        Assert.Contains("The trial was not found.", Text(cut, "dashboard-error"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid^='chart-enrolled-']"));
    }
}
