using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Ctms.Shared.Time;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Domain.Randomization;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Features.Screening;
using Ctms.Subjects.Features.Visits;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Ctms.Subjects.Features.SeedDemo;

/// <summary>
/// The randomization schemes of the demo trials and, unless Seed:DemoSubjects=false, a few subjects of the cardiology
/// site SEL02 at various stages (screened, screen failure, enrolled with visits and one overdue, one with an SAE) so the
/// coordinator home is not empty. SEL01 is left empty for the walkthroughs and tests that enroll there.
/// Runs after the Irb seed; the subjects are built through the domain, as the handlers would.
/// </summary>
internal sealed class SubjectsDemoSeeder(SubjectsDbContext db, ITrialsQueries trials, IdentifierProtection protection, IConfiguration configuration,
    TimeProvider clock) : IDemoSeeder
{
    private const string ConsentLabel = "Participant information and consent form 1.0 (en)";

    public int Order => 60;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Schemes.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Schemes.Add(new RandomizationScheme(DemoIds.TrialOncology, [new StratificationFactor("ECOG", ["0", "1"])], [4, 6]));
        db.Schemes.Add(new RandomizationScheme(DemoIds.TrialCardiology, [], [3, 6]));
        if (!string.Equals(configuration["Seed:DemoSubjects"], "false", StringComparison.OrdinalIgnoreCase) && !await db.Subjects.AnyAsync(cancellationToken))
        {
            await SeedSubjectsAsync(cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedSubjectsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var site = DemoIds.SiteCardiologySeoul;
        var trial = DemoIds.TrialCardiology;
        var version = DemoIds.ProtocolCardiologyV1;
        var counter = new SiteEnrollmentCounter(site, trial);
        var trialCounter = new TrialEnrollmentCounter(trial);
        db.SiteCounters.Add(counter);
        db.TrialCounters.Add(trialCounter);
        var criteria = await trials.GetCriteriaAsync(version, cancellationToken);
        var arms = (await trials.GetArmsAsync(trial, cancellationToken)).Select(a => new ArmShare(a.Id, a.Name, a.AllocationRatio)).ToList();
        var block = arms.Count > 1 ? PermutedBlocks.NewBlock(arms, [3]) : [];
        var slots = block.Select((arm, i) => new AllocationSlot(trial, "SEL02", 1, block.Count, i + 1, arm.Id, arm.Name)).ToList();
        db.Allocations.AddRange(slots);

        Subject Screen(DateOnly on, string name)
        {
            var subject = Subject.Screen(trial, site, counter.IssueSubjectNumber("SEL02"), on, "demo-seed");
            db.Subjects.Add(subject);
            db.Identities.Add(new SubjectIdentity(subject.Id, site, protection.Protect(new SubjectIdentifiers(name, new DateOnly(1961, 3, 14), "010-0000-0000 (demo)"))));
            db.AddIntegrationEvent(new SubjectScreened(subject.Id, trial, site, subject.SubjectNumber, on, now), now);
            return subject;
        }

        void Consent(Subject subject, DateOnly on)
        {
            subject.SignConsent(DemoIds.ConsentCardiologyV1English, ConsentLabel, on, null);
            db.Consents.Add(new ConsentRecord(subject.Id, DemoIds.ConsentCardiologyV1English, ConsentLabel, on, false, now, "demo-seed"));
            db.AddIntegrationEvent(new ConsentSigned(subject.Id, trial, site, subject.SubjectNumber, DemoIds.ConsentCardiologyV1English, "1.0", on, false, now), now);
        }

        async Task EnrollAsync(Subject subject, DateOnly consentOn, DateOnly anchor, int slot, IEnumerable<(string Visit, DateOnly On)> occurred)
        {
            Consent(subject, consentOn);
            subject.AssessEligibility(version, true, [], consentOn);
            // Published like the handler does, so the reporting read model (live or rebuilt) knows the outcome.
            db.AddIntegrationEvent(new EligibilityAssessed(subject.Id, trial, site, subject.SubjectNumber, version, true, [], consentOn, now), now);
            subject.Enroll(version, new DateTimeOffset(anchor.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), anchor, "demo-seed");
            counter.CountEnrollment();
            trialCounter.CountEnrollment();
            db.AddIntegrationEvent(new SubjectEnrolled(subject.Id, trial, site, subject.SubjectNumber, subject.EnrolledAt!.Value), now);
            if (slot < slots.Count)
            {
                subject.Randomize(slots[slot].ArmId, slots[slot].ArmName, "SEL02", subject.EnrolledAt!.Value);
                slots[slot].Assign(subject.Id, subject.EnrolledAt!.Value);
                db.AddIntegrationEvent(new SubjectRandomized(subject.Id, trial, site, subject.SubjectNumber, slots[slot].ArmId, slots[slot].ArmName, "SEL02",
                    subject.EnrolledAt!.Value), now);
            }

            var visits = await new VisitPlanner(trials).PlanAsync(subject, version, anchor, cancellationToken);
            foreach (var (name, on) in occurred)
            {
                visits.Single(v => v.Name == name).Record(on, "Recorded late at the demo site");
            }

            db.Visits.AddRange(visits);
            db.ScheduleUpdated(subject, version, visits, now);
            foreach (var visit in visits.Where(v => v.ActualDate is not null))
            {
                db.AddIntegrationEvent(new VisitOccurred(visit.Id, subject.Id, trial, site, subject.SubjectNumber, visit.Name, visit.ActualDate!.Value, visit.Planned,
                    !visit.OutOfWindow, visit.Reason, now), now);
            }
        }

        Screen(today.AddDays(-2), "Demo Screened Candidate");

        var failure = Screen(today.AddDays(-15), "Demo Screen Failure");
        Consent(failure, today.AddDays(-15));
        var exclusion = criteria is { Exclusion.Count: > 0 } ? criteria.Exclusion[0] : "Exclusion criterion";
        failure.AssessEligibility(version, false, [$"Exclusion applies: {exclusion}"], today.AddDays(-14));
        db.AddIntegrationEvent(new EligibilityAssessed(failure.Id, trial, site, failure.SubjectNumber, version, false, [$"Exclusion applies: {exclusion}"],
            today.AddDays(-14), now), now);

        // Enrolled 20 days ago: Week 2's window closed three days ago, so it is overdue.
        var overdue = Screen(today.AddDays(-41), "Demo Overdue Visit");
        await EnrollAsync(overdue, today.AddDays(-40), today.AddDays(-20), 0, [("Screening", today.AddDays(-21)), ("Baseline", today.AddDays(-20))]);

        // Enrolled 10 days ago, hospitalised with pneumonia: an SAE the site learned of six hours ago.
        var sae = Screen(today.AddDays(-12), "Demo Serious Event");
        await EnrollAsync(sae, today.AddDays(-12), today.AddDays(-10), 1, [("Screening", today.AddDays(-11)), ("Baseline", today.AddDays(-10))]);
        var aware = now.AddHours(-6);
        var ae = new AdverseEvent(sae.Id, trial, site, sae.SubjectNumber, "Pneumonia", today.AddDays(-1), "severe", "unlikely", ["hospitalisation"], aware,
            aware.AddHours(2), 24, "demo-seed");
        db.AdverseEvents.Add(ae);
        db.AddIntegrationEvent(new AdverseEventRecorded(ae.Id, sae.Id, trial, site, sae.SubjectNumber, ae.Term, ae.OnsetOn, true, ae.Severity, ae.Causality, now), now);
        db.AddIntegrationEvent(new SeriousAdverseEventReported(ae.Id, sae.Id, trial, site, sae.SubjectNumber, ae.Term, ae.SeriousnessCriteria, ae.AwareAt,
            ae.DueAt!.Value, ae.ReportedAt, ae.Late, now), now);
    }
}
