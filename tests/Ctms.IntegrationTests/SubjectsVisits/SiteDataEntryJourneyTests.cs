using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.SubjectsVisits;

/// <summary>
/// The whole journey through <see cref="ISiteDataEntry"/> (what SiteSync calls), with the queries other modules read and the
/// events they receive: identifiers never leave, refusals name the field, nothing is written on a refusal.
/// </summary>
[Trait("Category", "SubjectsVisits")]
public sealed class SiteDataEntryJourneyTests
{
    private static readonly Guid Site = DemoIds.SiteOncologySeoul;

    [Fact]
    public async Task Screen_consent_assess_enroll_randomize_visit_out_of_window_sae_and_withdraw()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        await using var scope = await app.UserScopeAsync("coordinator@demo.ctms");
        var entry = scope.ServiceProvider.GetRequiredService<ISiteDataEntry>();
        var queries = scope.ServiceProvider.GetRequiredService<ISubjectsQueries>();
        var today = SubjectJourney.Today;

        var screened = await entry.ScreenAsync(new ScreenSubjectEntry(Site, today, new SubjectIdentifiers("Hong Gil-dong", new DateOnly(1970, 1, 2), "010-1234-5678")));
        Assert.True(screened.Succeeded, string.Join(" ", screened.Errors.Select(e => e.Message)));
        var number = screened.SubjectNumber!;
        Assert.Equal("SEL01-001", number);

        var early = await entry.AssessEligibilityAsync(new EligibilityEntry(Site, number, new Dictionary<string, bool>(), today));
        Assert.False(early.Succeeded);

        var future = await entry.SignConsentAsync(new ConsentEntry(Site, number, DemoIds.ConsentOncologyV1English, today.AddDays(1)));
        Assert.Equal("signedOn", Assert.Single(future.Errors).Field);
        Assert.True((await entry.SignConsentAsync(new ConsentEntry(Site, number, DemoIds.ConsentOncologyV1English, today))).Succeeded);

        var criteria = (await scope.ServiceProvider.GetRequiredService<ITrialsQueries>().GetCriteriaAsync(DemoIds.ProtocolOncologyV1))!;
        var answers = criteria.Inclusion.ToDictionary(c => c, _ => true);
        criteria.Exclusion.ToList().ForEach(c => answers[c] = false);
        var eligible = await entry.AssessEligibilityAsync(new EligibilityEntry(Site, number, answers, today));
        Assert.True(eligible.Eligible);

        var missingFactor = await entry.EnrollAsync(new EnrollmentEntry(Site, number, new Dictionary<string, string>()));
        Assert.False(missingFactor.Succeeded); // enrolled, but not randomized until ECOG is entered
        Assert.Equal("stratificationFactors.ECOG", Assert.Single(missingFactor.Errors).Field);
        Assert.Equal("on-study", (await queries.FindByNumberAsync(Site, number))!.Status);

        var summary = (await queries.FindByNumberAsync(Site, number))!;
        var visits = await queries.ListVisitsForSubjectAsync(summary.Id);
        Assert.Equal(["Screening", "Baseline", "Week 2", "Week 4", "End of treatment"], visits.Select(v => v.VisitName));
        Assert.All(visits, v => Assert.Equal("planned", v.Status));

        // The screening visit's window closed yesterday (study day -1): today is outside it.
        var noReason = await entry.RecordVisitAsync(new VisitEntry(Site, number, "Screening", today, null));
        Assert.Equal("outOfWindowReason", Assert.Single(noReason.Errors).Field);
        var outside = await entry.RecordVisitAsync(new VisitEntry(Site, number, "Screening", today, "Labs arrived late"));
        Assert.True(outside.Succeeded, string.Join(" ", outside.Errors.Select(e => e.Message)));
        var recorded = (await queries.ListVisitsForSubjectAsync(summary.Id))[0];
        Assert.True(recorded.OutOfWindow);
        Assert.Equal("occurred", recorded.StateOn(today));

        var sae = await entry.ReportAdverseEventAsync(new AdverseEventEntry(Site, number, "Febrile neutropenia", today.AddDays(-2), "severe", "possible",
            ["hospitalisation"], DateTimeOffset.UtcNow.AddHours(-30)));
        Assert.True(sae.Succeeded, string.Join(" ", sae.Errors.Select(e => e.Message)));

        var withdrawn = await entry.WithdrawAsync(new WithdrawalEntry(Site, number, "Consent withdrawn", today));
        Assert.True(withdrawn.Succeeded);
        Assert.Equal("withdrawn", (await queries.GetAsync(summary.Id))!.Status);
        Assert.All((await queries.ListVisitsForSubjectAsync(summary.Id)).Skip(1), v => Assert.Equal("not-applicable", v.Status));

        var db = scope.ServiceProvider.GetRequiredService<SubjectsDbContext>();
        var deviation = Assert.Single(await db.Deviations.AsNoTracking().ToListAsync());
        Assert.Equal(("visit-window", "rule"), (deviation.Category, deviation.Source));
        var ae = Assert.Single(await db.AdverseEvents.AsNoTracking().ToListAsync());
        Assert.True(ae.Late); // aware 30 h ago, the trial's deadline is 24 h

        var outbox = await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
        foreach (var type in new[] { "SubjectScreened", "ConsentSigned", "EligibilityAssessed", "SubjectEnrolled", "VisitScheduleUpdated", "VisitOccurred",
                     "DeviationRecorded", "AdverseEventRecorded", "SeriousAdverseEventReported", "SubjectWithdrawn", "SubjectStatusChanged" })
        {
            Assert.Contains(outbox, m => m.Type.Contains("." + type, StringComparison.Ordinal));
        }

        Assert.All(outbox, m => Assert.DoesNotContain("Hong Gil-dong", m.Payload, StringComparison.Ordinal));
        var identity = await db.Identities.AsNoTracking().SingleAsync();
        Assert.DoesNotContain("Hong", identity.ProtectedPayload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Randomization_allocates_within_the_stratum_and_a_refusal_writes_nothing()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");
        var arms = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var number = await SubjectJourney.ReadyToEnrollAsync(app, coordinator, Site);
            await using var scope = await app.UserScopeAsync("coordinator@demo.ctms");
            var result = await scope.ServiceProvider.GetRequiredService<ISiteDataEntry>()
                .EnrollAsync(new EnrollmentEntry(Site, number, new Dictionary<string, string> { ["ECOG"] = "0" }));
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
            arms.Add(result.ArmName!);
        }

        // Blocks of 4 or 6 in a 1:1 trial: the first four of one stratum are never all one arm.
        Assert.Equal(2, arms.Distinct().Count());

        await using (var scope = await app.UserScopeAsync("coordinator.busan@demo.ctms"))
        {
            var other = await scope.ServiceProvider.GetRequiredService<ISiteDataEntry>().ScreenAsync(new ScreenSubjectEntry(Site, SubjectJourney.Today, null));
            Assert.Equal("forbidden", Assert.Single(other.Errors).Code);
        }

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<SubjectsDbContext>();
        Assert.Equal(4, await db.Subjects.CountAsync());
        Assert.All(await db.Allocations.AsNoTracking().Where(a => a.SubjectId != null).ToListAsync(), a => Assert.Equal("SEL01|ECOG=0", a.Stratum));
    }
}
