using System.Collections.Concurrent;
using Bunit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Features.Screening;
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

internal sealed class ScreenCommandDouble : ICommandHandler<ScreenSubjectCommand, ScreenedSubject>
{
    public ConcurrentQueue<ScreenSubjectCommand> Received { get; } = new();

    public Result<ScreenedSubject> Next { get; set; } = new ScreenedSubject(Guid.NewGuid(), "SEL01-001");

    public Task<Result<ScreenedSubject>> HandleAsync(ScreenSubjectCommand command, CancellationToken cancellationToken = default)
    {
        Received.Enqueue(command);
        return Task.FromResult(Next);
    }
}

[Trait("Category", "SubjectsVisits")]
public sealed class SiteSubjectsPageTests : IAsyncLifetime
{
    private readonly BunitContext _bunit = new();

    /// <summary>Upper bound for a re-render to show up; a passing test waits only until it does.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly SiteSubjectsQueryDouble _query = new();
    private readonly ScreenCommandDouble _screen = new();
    private readonly SiteSummary _site;
    private readonly TrialSummary _trial;

    public SiteSubjectsPageTests()
    {
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton<IQueryHandler<SiteSubjectsQuery, SiteSubjectsView>>(_query);
        _bunit.Services.AddSingleton<ICommandHandler<ScreenSubjectCommand, ScreenedSubject>>(_screen);
        _bunit.Services.AddSingleton(TimeProvider.System);

        _trial = new TrialSummary(Guid.NewGuid(), "acme", "SEL-301", "Selene phase III", "phase-3", "active", 100, false);
        _site = new SiteSummary(Guid.NewGuid(), _trial.Id, Guid.NewGuid(), "Hospital One", "SEL01", "Dr Who", "active", 10);
        _query.Next = View();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services (MudSelect's among them) are only asynchronously disposable.
    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    private SiteSubjectsView View(params string[] subjectNumbers) =>
        new(_site, _trial, subjectNumbers
            .Select(n => new SubjectSummary(Guid.NewGuid(), _trial.Id, _site.Id, n, "on-study", DateTimeOffset.UtcNow))
            .ToList());

    private IRenderedComponent<SiteSubjectsPage> RenderPage() =>
        _bunit.Render<SiteSubjectsPage>(p => p.Add(x => x.SiteId, _site.Id));

    [Fact]
    public void Loads_the_sites_subjects_and_counts_the_enrolled()
    {
        var screened = new SubjectSummary(Guid.NewGuid(), _trial.Id, _site.Id, "SEL01-003", "screening", null);
        _query.Next = new SiteSubjectsView(_site, _trial, [.. View("SEL01-001", "SEL01-002").Subjects, screened]);

        var cut = RenderPage();

        Assert.Equal([new SiteSubjectsQuery(_site.Id)], _query.Received);
        Assert.Contains("Enrolled: 2 / 10", cut.Find("[data-testid='enrolled-count']").TextContent, StringComparison.Ordinal);
        var table = cut.Find("[data-testid='subjects']").TextContent;
        Assert.Contains("SEL01-001", table, StringComparison.Ordinal);
        Assert.Contains("SEL01-003", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_sends_the_command_for_the_pages_site_dated_today_and_opens_the_subject()
    {
        var cut = RenderPage();

        cut.Find("[data-testid='screen']").Click();

        cut.WaitForAssertion(() =>
        {
            var command = Assert.Single(_screen.Received);
            Assert.Equal(_site.Id, command.SiteId);
            Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), command.ScreenedOn);
        }, Patience);
        cut.WaitForAssertion(() => Assert.Contains($"sites/{_site.Id}/subjects/", _bunit.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri,
            StringComparison.Ordinal), Patience);
    }

    [Fact]
    public void Refused_screening_shows_every_reason()
    {
        _screen.Next = Result.Failure<ScreenedSubject>(
            Error.Rule("site-not-active", "Site SEL01 is 'on-hold', not active: it does not screen."),
            Error.Rule("trial-not-recruiting", "Trial SEL-301 is 'closed': it is not recruiting."));
        var cut = RenderPage();
        Assert.Empty(cut.FindAll("[data-testid='screen-refused']"));

        cut.Find("[data-testid='screen']").Click();

        cut.WaitForAssertion(() =>
        {
            var refusal = cut.Find("[data-testid='screen-refused']").TextContent;
            Assert.Contains("Site SEL01 is 'on-hold'", refusal, StringComparison.Ordinal);
            Assert.Contains("Trial SEL-301 is 'closed'", refusal, StringComparison.Ordinal);
        }, Patience);
    }

    [Fact]
    public void A_refused_load_shows_the_message()
    {
        _query.Next = Error.Forbidden("You do not work at this site.");

        var cut = RenderPage();

        Assert.Contains("You do not work at this site.", cut.Find("[data-testid='load-error']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid='screen']"));
    }
}
