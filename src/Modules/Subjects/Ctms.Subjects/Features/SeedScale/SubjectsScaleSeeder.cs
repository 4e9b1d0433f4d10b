using Ctms.Shared.Demo;
using Ctms.Shared.Persistence;
using Ctms.Shared.Seeding;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Domain.Randomization;
using Ctms.Subjects.Features.Screening;
using Ctms.Subjects.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Features.SeedScale;

/// <summary>
/// The plan's subjects, one trial at a time: subjects with their consent, encrypted direct identifiers (the same Data
/// Protection purpose as screening), visits, adverse events and deviations; the enrollment counters that issue the next
/// subject number and enforce the caps; a randomization scheme per trial (blocks of 4 or 6 by site) for new subjects.
/// The seeded arms are drawn by the plan, so they have no allocation slots.
/// </summary>
internal sealed class SubjectsScaleSeeder(SubjectsDbContext db, IdentifierProtection protection) : IScaleSeeder
{
    public int Order => 40;

    public string Module => "Subjects";

    public async Task<int> CountOtherDataAsync(CancellationToken cancellationToken)
    {
        var trials = await db.Subjects.AsNoTracking().Select(s => s.TrialId).Distinct().ToListAsync(cancellationToken);
        var other = trials.Where(id => id != DemoIds.TrialOncology && id != DemoIds.TrialCardiology && !ScaleIds.IsScaleId(id)).ToList();
        return other.Count == 0 ? 0 : await db.Subjects.CountAsync(s => other.Contains(s.TrialId), cancellationToken);
    }

    public async Task RemoveAsync(ScalePlan plan, CancellationToken cancellationToken)
    {
        foreach (var trialId in plan.Trials.Select(t => t.Id))
        {
            var subjects = db.Subjects.Where(s => s.TrialId == trialId).Select(s => s.Id);
            await db.Identities.Where(i => subjects.Contains(i.SubjectId)).ExecuteDeleteAsync(cancellationToken);
            await db.Consents.Where(c => subjects.Contains(c.SubjectId)).ExecuteDeleteAsync(cancellationToken);
            await db.Visits.Where(v => v.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.AdverseEvents.Where(a => a.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.Deviations.Where(d => d.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.Subjects.Where(s => s.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.SiteCounters.Where(c => c.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.TrialCounters.Where(c => c.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.Schemes.Where(s => s.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    public async Task<ScaleSeedPart> SeedAsync(ScalePlan plan, CancellationToken cancellationToken)
    {
        var run = new ScaleSeedRun(Module);
        foreach (var trial in plan.Trials)
        {
            var subjects = trial.Sites.SelectMany(site => plan.SubjectsOf(trial, site)).ToList();
            await WriteTrialAsync(plan, trial, subjects, run, cancellationToken);
        }

        return run.Finish();
    }

    private async Task WriteTrialAsync(ScalePlan plan, PlannedTrial trial, List<PlannedSubject> subjects, ScaleSeedRun run, CancellationToken ct)
    {
        var codes = trial.Sites.ToDictionary(s => s.Id, s => s.Code);
        run.Add("Subjects", await BulkInsert.WriteAsync<Subject>(db,
            ["Id", "TrialId", "SiteId", "SubjectNumber", "Status", "ScreenedOn", "ScreenedBy", "ConsentVersionId", "ConsentVersionLabel", "ConsentedOn",
             "ProtocolVersionId", "Eligible", "EligibilityReasons", "EligibilityAssessedOn", "EnrolledAt", "EnrolledBy", "AnchorDate", "ArmId", "ArmName",
             "Stratum", "RandomizedAt", "WithdrawnOn", "WithdrawalReason", "CompletedOn", "Version"],
            subjects.Select(s => new object?[]
            {
                s.Id, s.TrialId, s.SiteId, s.SubjectNumber, s.Status, s.ScreenedOn, ScalePlan.Actor, trial.ConsentVersionId, trial.ConsentLabel, s.ConsentedOn,
                s.Eligible is null ? null : trial.ProtocolVersionId, s.Eligible, s.ScreenFailReasons.Count == 0 ? null : string.Join("\n", s.ScreenFailReasons),
                s.EligibilityAssessedOn, s.EnrolledAt, s.EnrolledAt is null ? null : ScalePlan.Actor, s.AnchorDate, s.Arm?.Id, s.Arm?.Name,
                s.Arm is null ? null : codes[s.SiteId], s.EnrolledAt, s.WithdrawnOn, s.WithdrawalReason, s.CompletedOn, 1,
            }), ct));
        run.Add("SubjectIdentities", await BulkInsert.WriteAsync<SubjectIdentity>(db, ["SubjectId", "SiteId", "ProtectedPayload"],
            subjects.Select(s => new object?[] { s.Id, s.SiteId, protection.Protect(new SubjectIdentifiers(s.FullName, s.BirthDate, s.Contact)) }), ct));
        run.Add("ConsentRecords", await BulkInsert.WriteAsync<ConsentRecord>(db,
            ["Id", "SubjectId", "ConsentVersionId", "Label", "SignedOn", "Reconsent", "RecordedAt", "RecordedBy"],
            subjects.Select(s => new object?[]
            {
                ScaleIds.For(plan.Tier, ScaleIds.Consent, s.Index), s.Id, trial.ConsentVersionId, trial.ConsentLabel, s.ConsentedOn,
                false, s.StatusAt, ScalePlan.Actor,
            }), ct));
        run.Add("Visits", await BulkInsert.WriteAsync<Visit>(db,
            ["Id", "SubjectId", "TrialId", "SiteId", "SubjectNumber", "Name", "Order", "Status", "Planned", "Earliest", "Latest", "ActualDate", "OutOfWindow",
             "Reason", "Version"],
            subjects.SelectMany(s => s.Visits.Select(v => new object?[]
            {
                v.Id, s.Id, s.TrialId, s.SiteId, s.SubjectNumber, v.Name, v.Order, v.Status, v.Planned, v.Earliest, v.Latest, v.Actual, v.OutOfWindow, v.Reason, 1,
            })), ct));
        run.Add("AdverseEvents", await BulkInsert.WriteAsync<AdverseEvent>(db,
            ["Id", "SubjectId", "TrialId", "SiteId", "SubjectNumber", "Term", "OnsetOn", "Severity", "Causality", "SeriousnessCriteria", "AwareAt", "DueAt",
             "ReportedAt", "RecordedBy"],
            subjects.SelectMany(s => s.AdverseEvents.Select(a => new object?[]
            {
                a.Id, s.Id, s.TrialId, s.SiteId, s.SubjectNumber, a.Term, a.OnsetOn, a.Severity, a.Causality, a.SeriousnessCriteria.ToList(), a.AwareAt, a.DueAt,
                a.ReportedAt, ScalePlan.Actor,
            })), ct));
        run.Add("Deviations", await BulkInsert.WriteAsync<Deviation>(db,
            ["Id", "SubjectId", "TrialId", "SiteId", "SubjectNumber", "Category", "Severity", "Description", "OccurredOn", "IdentifiedOn", "Source", "VisitId",
             "RecordedAt", "RecordedBy"],
            subjects.SelectMany(s => s.Deviations.Select(d => new object?[]
            {
                d.Id, s.Id, s.TrialId, s.SiteId, s.SubjectNumber, d.Category, d.Severity, d.Description, d.OccurredOn, d.IdentifiedOn, d.Source, d.VisitId,
                d.RecordedAt, ScalePlan.Actor,
            })), ct));
        run.Add("SiteEnrollmentCounters", await BulkInsert.WriteAsync<SiteEnrollmentCounter>(db, ["SiteId", "TrialId", "LastSequence", "Enrolled", "Version"],
            trial.Sites.Select(site => new object?[]
            {
                site.Id, trial.Id, subjects.Count(s => s.SiteId == site.Id), subjects.Count(s => s.SiteId == site.Id && s.EnrolledAt is not null), 1,
            }), ct));
        run.Add("TrialEnrollmentCounters", await BulkInsert.WriteAsync<TrialEnrollmentCounter>(db, ["TrialId", "Enrolled", "Version"],
            [[trial.Id, subjects.Count(s => s.EnrolledAt is not null), 1]], ct));
        run.Add("RandomizationSchemes", await BulkInsert.WriteAsync<RandomizationScheme>(db, ["TrialId", "FactorsSpec", "BlockSizes"],
            [[trial.Id, "", new List<int> { 4, 6 }]], ct));
    }
}
