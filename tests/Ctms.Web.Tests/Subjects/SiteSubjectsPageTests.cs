using System.Collections.Concurrent;
using Bunit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Features.EnrollSubject;
using Ctms.Subjects.Features.SiteSubjects;
using Ctms.Trials.Contracts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Ctms.Web.Tests.Subjects;

internal sealed class SiteSubjectsQueryDouble : IQueryHandler<SiteSubjectsQuery, SiteSubjectsView>
{
    public ConcurrentQueue<SiteSubjectsQuery> Received { get; } = new();

    public Result<SiteSubjectsView> Next { get; set; } = Error.NotFound("The site");

    public Task<Result<SiteSubjectsView>> HandleAsync(SiteSubjectsQuery query, CancellationToken cancellationToken = default)
    {
        Received.Enqueue(query);
        return Task.FromResult(Next);
    }
}

internal sealed class EnrollCommandDouble : ICommandHandler<EnrollSubjectCommand, EnrolledSubject>
{
    public ConcurrentQueue<EnrollSubjectCommand> Received { get; } = new();

    public Result<EnrolledSubject> Next { get; set; } = new EnrolledSubject(Guid.NewGuid(), "SEL01-001");

    /// <summary>Runs when the command is handled, before it answers (to change what the next load returns).</summary>
    public Action? OnHandled { get; set; }

    public Task<Result<EnrolledSubject>> HandleAsync(EnrollSubjectCommand command, CancellationToken cancellationToken = default)
    {
        Received.Enqueue(command);
        OnHandled?.Invoke();
        return Task.FromResult(Next);
    }
}

[Trait("Category", "Foundation")]
public sealed class SiteSubjectsPageTests : BunitContext
{
    /// <summary>Upper bound for a re-render to show up; a passing test waits only until it does.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly SiteSubjectsQueryDouble _query = new();
    private readonly EnrollCommandDouble _enroll = new();
    private readonly SiteSummary _site;
    private readonly TrialSummary _trial;

    public SiteSubjectsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IQueryHandler<SiteSubjectsQuery, SiteSubjectsView>>(_query);
        Services.AddSingleton<ICommandHandler<EnrollSubjectCommand, EnrolledSubject>>(_enroll);

        _trial = new TrialSummary(Guid.NewGuid(), "acme", "SEL-301", "Selene phase III", "phase-3", "active", 100, false);
        _site = new SiteSummary(Guid.NewGuid(), _trial.Id, Guid.NewGuid(), "Hospital One", "SEL01", "Dr Who", "active", 10);
        _query.Next = View();
    }

    private SiteSubjectsView View(params string[] subjectNumbers) =>
        new(_site, _trial, subjectNumbers
            .Select(n => new SubjectSummary(Guid.NewGuid(), _trial.Id, _site.Id, n, "on-study", DateTimeOffset.UtcNow))
            .ToList());

    private IRenderedComponent<SiteSubjectsPage> RenderPage() =>
        Render<SiteSubjectsPage>(p => p.Add(x => x.SiteId, _site.Id));

    [Fact]
    public void Loads_the_sites_subjects()
    {
        _query.Next = View("SEL01-001", "SEL01-002");

        var cut = RenderPage();

        Assert.Equal([new SiteSubjectsQuery(_site.Id)], _query.Received);
        Assert.Contains("Enrolled: 2 / 10", cut.Find("[data-testid='enrolled-count']").TextContent, StringComparison.Ordinal);
        var table = cut.Find("[data-testid='subjects']").TextContent;
        Assert.Contains("SEL01-001", table, StringComparison.Ordinal);
        Assert.Contains("SEL01-002", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Enroll_sends_the_command_for_the_pages_site()
    {
        var cut = RenderPage();

        cut.Find("[data-testid='enroll']").Click();

        cut.WaitForAssertion(() => Assert.Equal([new EnrollSubjectCommand(_site.Id)], _enroll.Received), Patience);
    }

    [Fact]
    public void Refused_enrollment_shows_every_reason_and_does_not_reload()
    {
        _enroll.Next = Result.Failure<EnrolledSubject>(
            Error.Rule("site-not-active", "Site SEL01 is 'on-hold', not active."),
            Error.Rule("trial-target-reached", "Trial SEL-301 has reached its overall enrollment target of 100."));
        var cut = RenderPage();
        Assert.Empty(cut.FindAll("[data-testid='enroll-refused']"));

        cut.Find("[data-testid='enroll']").Click();

        cut.WaitForAssertion(() =>
        {
            var refusal = cut.Find("[data-testid='enroll-refused']").TextContent;
            Assert.Contains("Site SEL01 is 'on-hold', not active.", refusal, StringComparison.Ordinal);
            Assert.Contains("Trial SEL-301 has reached its overall enrollment target of 100.", refusal, StringComparison.Ordinal);
        }, Patience);
        Assert.Single(_query.Received);
    }

    [Fact]
    public void Successful_enrollment_reloads_the_list()
    {
        _query.Next = View("SEL01-001");
        _enroll.Next = new EnrolledSubject(Guid.NewGuid(), "SEL01-002");
        _enroll.OnHandled = () => _query.Next = View("SEL01-001", "SEL01-002");
        var cut = RenderPage();

        cut.Find("[data-testid='enroll']").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(2, _query.Received.Count);
            Assert.Contains("SEL01-002", cut.Find("[data-testid='subjects']").TextContent, StringComparison.Ordinal);
            Assert.Contains("Enrolled: 2 / 10", cut.Find("[data-testid='enrolled-count']").TextContent, StringComparison.Ordinal);
        }, Patience);
        Assert.Empty(cut.FindAll("[data-testid='enroll-refused']"));
    }

    [Fact]
    public void A_success_after_a_refusal_clears_the_refusal()
    {
        _enroll.Next = Result.Failure<EnrolledSubject>(Error.Rule("site-target-reached", "Site SEL01 has reached its enrollment target of 10."));
        var cut = RenderPage();
        cut.Find("[data-testid='enroll']").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid='enroll-refused']")), Patience);

        _enroll.Next = new EnrolledSubject(Guid.NewGuid(), "SEL01-001");
        cut.Find("[data-testid='enroll']").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid='enroll-refused']")), Patience);
        Assert.Equal(2, _enroll.Received.Count);
    }

    [Fact]
    public void A_refused_load_shows_the_message()
    {
        _query.Next = Error.Forbidden("You do not work at this site.");

        var cut = RenderPage();

        Assert.Contains("You do not work at this site.", cut.Find("[data-testid='load-error']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid='enroll']"));
    }
}
