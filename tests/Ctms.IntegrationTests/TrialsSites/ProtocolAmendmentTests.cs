using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Ctms.Trials.Contracts;
using Ctms.Trials.Domain.Schedule;
using Ctms.Trials.Features.ProtocolVersions;
using Ctms.Trials.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.IntegrationTests.TrialsSites;

[Trait("Category", "TrialsSites")]
public sealed class ProtocolAmendmentTests
{
    [Fact]
    public async Task An_amendment_copies_schedule_criteria_and_consents_into_2_0_while_1_0_stays_frozen()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        await using var sponsor = await app.UserScopeAsync("sponsor@demo.ctms");
        var queries = sponsor.Get<ITrialsQueries>();
        var v1 = (await queries.GetCurrentProtocolVersionAsync(DemoIds.TrialOncology))!;
        Assert.Equal((DemoIds.ProtocolOncologyV1, "1.0", "submitted"), (v1.Id, v1.Version, v1.Status));

        var amended = await sponsor.SendAsync<AmendProtocolCommand, Guid>(new AmendProtocolCommand(DemoIds.TrialOncology));
        Assert.True(amended.IsSuccess, amended.Describe());
        var v2Id = amended.Value;

        var schedule1 = (await queries.GetScheduleAsync(v1.Id))!;
        var schedule2 = (await queries.GetScheduleAsync(v2Id))!;
        Assert.Equal("2.0", schedule2.Version);
        Assert.Equal(5, schedule2.Visits.Count);
        Assert.Equal(schedule1.Visits.Select(v => (v.Name, v.TargetDay, v.WindowBefore, v.WindowAfter, string.Join(",", v.Procedures))),
            schedule2.Visits.Select(v => (v.Name, v.TargetDay, v.WindowBefore, v.WindowAfter, string.Join(",", v.Procedures))));
        Assert.Equal(schedule1.Procedures, schedule2.Procedures);
        Assert.Equal((await queries.GetCriteriaAsync(v1.Id))!.Inclusion, (await queries.GetCriteriaAsync(v2Id))!.Inclusion);
        Assert.Equal((await queries.GetCriteriaAsync(v1.Id))!.Exclusion, (await queries.GetCriteriaAsync(v2Id))!.Exclusion);
        var consents2 = await queries.ListConsentVersionsAsync(v2Id);
        Assert.Equal(["en", "ko"], consents2.Select(c => c.Language));
        Assert.DoesNotContain(consents2, c => c.Id == DemoIds.ConsentOncologyV1English);

        // 1.0 is frozen; 2.0 can be edited, and the edit leaves 1.0 as it was.
        var newVisits = schedule2.Visits.Select(v => new VisitSpec(v.Name, v.Type, v.Anchor, v.AnchorVisit, v.TargetDay, v.WindowBefore, v.WindowAfter, v.Procedures))
            .Append(new VisitSpec("Follow-up", VisitType.Scheduled, VisitAnchor.Previous, null, 29, 7, 7, [])).ToList();
        var editV1 = await sponsor.SendAsync<SaveScheduleCommand, Guid>(new SaveScheduleCommand(v1.Id, schedule1.Procedures, newVisits));
        var editV2 = await sponsor.SendAsync<SaveScheduleCommand, Guid>(new SaveScheduleCommand(v2Id, schedule2.Procedures, newVisits));
        var criteriaV1 = await sponsor.SendAsync<SaveCriteriaCommand, Guid>(new SaveCriteriaCommand(v1.Id, ["x"], []));

        Assert.Equal("protocol-version-frozen", Assert.Single(editV1.Errors).Code);
        Assert.Equal("protocol-version-frozen", Assert.Single(criteriaV1.Errors).Code);
        Assert.True(editV2.IsSuccess, editV2.Describe());
        Assert.Equal(5, (await queries.GetScheduleAsync(v1.Id))!.Visits.Count);
        Assert.Equal(6, (await queries.GetScheduleAsync(v2Id))!.Visits.Count);

        // Only one draft at a time; the current version moves to 2.0 once it is submitted, with its events in the outbox.
        var secondAmendment = await sponsor.SendAsync<AmendProtocolCommand, Guid>(new AmendProtocolCommand(DemoIds.TrialOncology));
        Assert.Equal("draft-exists", Assert.Single(secondAmendment.Errors).Code);
        Assert.Equal(v1.Id, (await queries.GetCurrentProtocolVersionAsync(DemoIds.TrialOncology))!.Id);
        var submitted = await sponsor.SendAsync<SubmitProtocolVersionCommand, Guid>(new SubmitProtocolVersionCommand(v2Id));
        Assert.True(submitted.IsSuccess, submitted.Describe());
        var current = (await queries.GetCurrentProtocolVersionAsync(DemoIds.TrialOncology))!;
        Assert.Equal((v2Id, "2.0", "submitted"), (current.Id, current.Version, current.Status));
        Assert.NotNull(current.SubmittedAt);

        var outbox = await sponsor.Get<TrialsDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
        var submittedEvents = outbox.Where(m => m.Type.StartsWith("Ctms.Trials.Contracts.IntegrationEvents.ProtocolVersionSubmitted,", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, submittedEvents.Count); // two seeded 1.0s and this 2.0
        Assert.Contains(submittedEvents, m => m.Payload.Contains(v2Id.ToString(), StringComparison.Ordinal) && m.Payload.Contains("isAmendment\":true", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(6, outbox.Count(m => m.Type.StartsWith("Ctms.Trials.Contracts.IntegrationEvents.ConsentVersionSubmitted,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Planned_visits_come_from_the_schedule_through_the_contracts_query()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        await using var scope = await app.UserScopeAsync("sponsor@demo.ctms");

        var plan = await scope.Get<ITrialsQueries>().PlanVisitsAsync(DemoIds.ProtocolCardiologyV1, new DateOnly(2024, 2, 15));

        Assert.Equal(5, plan.Count);
        Assert.Equal(new DateOnly(2024, 1, 18), plan[0].Earliest); // screening Day -28
        Assert.Equal(new DateOnly(2024, 2, 29), plan[2].Planned); // Week 2 = Day 15 in a leap year
        Assert.Equal("open-before-target", plan[2].WindowStateOn(new DateOnly(2024, 2, 27)));
        Assert.Empty(await scope.Get<ITrialsQueries>().PlanVisitsAsync(Guid.NewGuid(), new DateOnly(2024, 2, 15)));
    }
}
