using Ctms.Irb.Contracts;
using Ctms.Reporting.Domain;
using Ctms.Reporting.Persistence;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Projections;

/// <summary>What a rebuild wrote, per kind of row.</summary>
internal sealed record RebuildReport(int Trials, int Subjects, int Visits, int Sites, int Milestones, int Approvals, int Deviations = 0, int Saes = 0)
{
    public RebuildReport Plus(RebuildReport other) => new(Trials + other.Trials, Subjects + other.Subjects, Visits + other.Visits, Sites + other.Sites,
        Milestones + other.Milestones, Approvals + other.Approvals, Deviations + other.Deviations, Saes + other.Saes);
}

/// <summary>
/// Recomputes the read model from the owning modules' current data, through their query interfaces, one trial per
/// transaction. Nothing is carried over from the rows the events left: a row lost or damaged there is restored.
/// </summary>
internal sealed class ReadModelRebuilder(
    ReportingDbContext db,
    ITrialsQueries trials,
    ISitesQueries sites,
    ISubjectsQueries subjects,
    IIrbQueries irb,
    TimeProvider clock)
{
    public async Task<RebuildReport> RebuildAsync(Action<string>? progress = null, CancellationToken ct = default)
    {
        var report = new RebuildReport(0, 0, 0, 0, 0, 0);
        foreach (var trial in await trials.ListAllAsync(ct))
        {
            var one = await RebuildTrialAsync(trial.Id, ct);
            progress?.Invoke($"{trial.ProtocolNumber}: {one.Subjects} subjects, {one.Visits} visits, {one.Sites} sites, {one.Milestones} milestones, " +
                             $"{one.Approvals} approvals, {one.Deviations} deviations, {one.Saes} SAEs");
            report = report.Plus(one);
        }

        return report;
    }

    public async Task<RebuildReport> RebuildTrialAsync(Guid trialId, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        // Stamped now: an event published before the rebuild and delivered after it must not roll a status back.
        var now = clock.GetUtcNow();
        var subjectList = await subjects.ListForTrialAsync(trialId, ct);
        var visitList = await subjects.ListVisitsForTrialAsync(trialId, ct);
        var siteList = await sites.ListForTrialAsync(trialId, ct);
        var milestones = (await sites.ListMilestonesForTrialAsync(trialId, ct)).Where(m => m.Actual is not null).ToList();
        var approvals = await irb.ListApprovalsForTrialAsync(trialId, ct);
        var deviations = await subjects.ListDeviationsForTrialAsync(trialId, ct);
        var saes = (await subjects.ListAdverseEventsForTrialAsync(trialId, ct)).Where(a => a.Serious && a.DueAt is not null).ToList();

        var approvalRows = approvals.Sum(a => a.InstitutionIds.Distinct().Count());
        // PostgreSQL and SQL Server retry on transient faults, which an own transaction must opt into as one retriable unit.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Subjects.Where(s => s.TrialId == trialId).ExecuteDeleteAsync(ct);
            await db.Visits.Where(v => v.TrialId == trialId).ExecuteDeleteAsync(ct);
            await db.Sites.Where(s => s.TrialId == trialId).ExecuteDeleteAsync(ct);
            await db.SiteMilestones.Where(m => m.TrialId == trialId).ExecuteDeleteAsync(ct);
            await db.IrbApprovals.Where(a => a.TrialId == trialId).ExecuteDeleteAsync(ct);
            await db.Deviations.Where(d => d.TrialId == trialId).ExecuteDeleteAsync(ct);
            await db.SeriousAdverseEvents.Where(a => a.TrialId == trialId).ExecuteDeleteAsync(ct);

            foreach (var s in subjectList)
            {
                var row = new SubjectFact(s.Id, s.TrialId, s.SiteId, s.SubjectNumber)
                {
                    ScreenedOn = s.ScreenedOn,
                    ConsentedOn = s.ConsentedOn,
                    WithdrawnOn = s.WithdrawnOn,
                    WithdrawalReason = s.WithdrawalReason,
                    Completed = s.CompletedOn is not null,
                    CompletedOn = s.CompletedOn,
                };
                row.SetStatus(s.Status, now);
                row.SetEligibilityOutcome(s.Eligible, s.ScreenFailReasons);
                if (s.EnrolledAt is { } enrolledAt)
                {
                    row.SetEnrolled(enrolledAt);
                }

                row.SetArm(s.ArmId, s.ArmName);
                db.Subjects.Add(row);
            }

            var siteOfSubject = subjectList.ToDictionary(s => s.Id, s => s.SiteId);
            foreach (var v in visitList)
            {
                var row = new VisitFact(v.Id, v.SubjectId, trialId, siteOfSubject.GetValueOrDefault(v.SubjectId, v.SiteId), v.VisitName);
                row.Reset(v.Order, v.Status, v.Planned, v.Earliest, v.Latest, v.ActualDate, v.OutOfWindow);
                db.Visits.Add(row);
            }

            foreach (var s in siteList)
            {
                var row = new SiteFact(s.Id, s.TrialId) { Code = s.Code, TargetEnrollment = s.TargetEnrollment };
                row.SetStatus(s.Status, now);
                db.Sites.Add(row);
            }

            foreach (var m in milestones)
            {
                db.SiteMilestones.Add(new SiteMilestoneFact(m.SiteId, m.TrialId, m.Milestone, m.Actual!.Value));
            }

            foreach (var a in approvals)
            {
                foreach (var institution in a.InstitutionIds.Distinct())
                {
                    db.IrbApprovals.Add(new IrbApprovalFact(a.ApprovalId, institution, a.TrialId, a.IrbId, a.ProtocolVersionId, a.Recognised, a.ApprovedOn, a.ExpiresOn)
                    {
                        LapsedOn = a.LapsedOn,
                        LapseReason = a.LapseReason,
                    });
                }
            }

            foreach (var d in deviations)
            {
                db.Deviations.Add(new DeviationFact(d.Id, d.TrialId, d.SiteId, d.SubjectId, d.SubjectNumber, d.Category, d.Severity, d.Source, d.OccurredOn,
                    d.IdentifiedOn));
            }

            foreach (var a in saes)
            {
                db.SeriousAdverseEvents.Add(new SaeFact(a.Id, a.TrialId, a.SiteId, a.SubjectNumber, a.Term, a.AwareAt, a.DueAt!.Value, a.ReportedAt, a.Late));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return new RebuildReport(1, subjectList.Count, visitList.Count, siteList.Count, milestones.Count, approvalRows, deviations.Count, saes.Count);
    }
}
