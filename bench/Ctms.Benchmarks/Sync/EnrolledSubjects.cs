using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Sites.Contracts;
using Ctms.Sites.Persistence;
using Ctms.Subjects.Contracts;
using Ctms.Trials.Contracts;
using Ctms.Trials.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Benchmarks.Sync;

/// <summary>
/// Untimed: enrolled subjects at each benchmark site, made through the Subjects module's own site data entry (screen,
/// consent on the site's approved version, eligibility, enrollment) as the site's delegated staff member, so the
/// measured messages are the ones a site sends after enrollment.
/// </summary>
internal static class EnrolledSubjects
{
    private const int BenchTarget = 10_000_000;

    /// <summary>The demo targets (60 per site) would refuse enrollments; raised for the benchmark's own database only.</summary>
    public static async Task RaiseTargetsAsync(CtmsAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SitesDbContext>().Sites
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TargetEnrollment, BenchTarget));
        await scope.ServiceProvider.GetRequiredService<TrialsDbContext>().Trials
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TargetEnrollment, BenchTarget));
    }

    /// <summary>
    /// <paramref name="perSite"/> enrolled subjects at each site, interleaved site by site, with their planned visits in
    /// order. The sites enroll at the same time (their subjects are independent), which shortens the untimed setup.
    /// </summary>
    public static async Task<IReadOnlyList<TrackedSubject>> EnrollAsync(CtmsAppFactory app, IReadOnlyList<BenchSite> sites, int perSite)
    {
        var bySite = await Task.WhenAll(sites.Select(site => EnrollAtAsync(app, site, perSite)));
        return Enumerable.Range(0, perSite).SelectMany(i => bySite.Select(s => s[i])).ToList();
    }

    private static async Task<List<TrackedSubject>> EnrollAtAsync(CtmsAppFactory app, BenchSite site, int perSite)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (consentVersionId, answers, trialId) = await SiteTrialAsync(app, site.SiteId);
        var list = new List<TrackedSubject>();
        for (var i = 0; i < perSite; i++)
        {
            await using var scope = await app.UserScopeAsync(site.EnteredBy);
            var entry = scope.ServiceProvider.GetRequiredService<ISiteDataEntry>();
            var screened = await entry.ScreenAsync(new ScreenSubjectEntry(site.SiteId, today, null));
            var number = Ok(screened, "screening").SubjectNumber!;
            Ok(await entry.SignConsentAsync(new ConsentEntry(site.SiteId, number, consentVersionId, today)), "consent");
            Ok(await entry.AssessEligibilityAsync(new EligibilityEntry(site.SiteId, number, answers, today)), "eligibility");
            var enrolled = Ok(await entry.EnrollAsync(new EnrollmentEntry(site.SiteId, number, Strata(trialId, i))), "enrollment");
            var visits = await scope.ServiceProvider.GetRequiredService<ISubjectsQueries>().ListVisitsForSubjectAsync(enrolled.SubjectId!.Value);
            list.Add(new TrackedSubject(site, number, new Queue<(string, DateOnly, DateOnly)>(
                visits.Where(v => v.Status == "planned").OrderBy(v => v.Order).Select(v => (v.VisitName, v.Earliest, v.Latest)))));
        }

        return list;
    }

    /// <summary>The demo oncology trial randomizes stratified by ECOG (0 or 1, as its eligibility allows); cardiology does not stratify.</summary>
    private static Dictionary<string, string> Strata(Guid trialId, int i) =>
        trialId == DemoIds.TrialOncology ? new() { ["ECOG"] = (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture) } : [];

    private static DataEntryResult Ok(DataEntryResult result, string step) => result.Succeeded
        ? result
        : throw new InvalidOperationException($"Benchmark preparation ({step}) refused: " + string.Join("; ", result.Errors.Select(e => $"{e.Code} {e.Message}")));

    private static async Task<(Guid ConsentVersionId, IReadOnlyDictionary<string, bool> Answers, Guid TrialId)> SiteTrialAsync(CtmsAppFactory app, Guid siteId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var site = (await scope.ServiceProvider.GetRequiredService<ISitesQueries>().GetAsync(siteId))!;
        var trials = scope.ServiceProvider.GetRequiredService<ITrialsQueries>();
        var version = (await trials.GetCurrentProtocolVersionAsync(site.TrialId))!;
        var consent = site.TrialId == DemoIds.TrialOncology ? DemoIds.ConsentOncologyV1English : DemoIds.ConsentCardiologyV1English;
        var criteria = (await trials.GetCriteriaAsync(version.Id))!;
        var answers = criteria.Inclusion.Select(c => (c, true)).Concat(criteria.Exclusion.Select(c => (c, false))).ToDictionary(a => a.c, a => a.Item2);
        return (consent, answers, site.TrialId);
    }
}
