using Ctms.Irb.Contracts;
using Ctms.Reporting.Domain;
using Ctms.Reporting.Persistence;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Projections;

/// <summary>What a rebuild wrote, per kind of row.</summary>
internal sealed record RebuildReport(int Trials, int Subjects, int Visits, int Sites, int Milestones, int Approvals);

/// <summary>
/// Recomputes the read model from the owning modules' current data, through their query interfaces, one trial per
/// transaction. Facts the owners do not expose through queries yet (deviations, SAEs, screen-failure reasons, completion
/// dates) are carried over from the rows the events left, so a rebuild never loses them.
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
            progress?.Invoke($"{trial.ProtocolNumber}: {one.Subjects} subjects, {one.Visits} visits, {one.Sites} sites, {one.Milestones} milestones, {one.Approvals} approvals");
            report = new RebuildReport(report.Trials + 1, report.Subjects + one.Subjects, report.Visits + one.Visits, report.Sites + one.Sites,
                report.Milestones + one.Milestones, report.Approvals + one.Approvals);
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

        var known = await db.Subjects.AsNoTracking().Where(s => s.TrialId == trialId)
            .Select(s => new { s.SubjectId, s.ScreenFailReasons, s.CompletedOn })
            .ToDictionaryAsync(s => s.SubjectId, ct);

        // PostgreSQL and SQL Server run with a retrying execution strategy, which only allows a transaction as one retriable unit.
        var approvalRows = 0;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            approvalRows = 0;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Subjects.Where(s => s.TrialId == trialId).ExecuteDeleteAsync(ct);
            await db.Visits.Where(v => v.TrialId == trialId).ExecuteDeleteAsync(ct);
            await db.Sites.Where(s => s.TrialId == trialId).ExecuteDeleteAsync(ct);
            await db.SiteMilestones.Where(m => m.TrialId == trialId).ExecuteDeleteAsync(ct);
            await db.IrbApprovals.Where(a => a.TrialId == trialId).ExecuteDeleteAsync(ct);

            foreach (var s in subjectList)
            {
                var row = new SubjectFact(s.Id, s.TrialId, s.SiteId, s.SubjectNumber)
                {
                    ScreenedOn = s.ScreenedOn,
                    ConsentedOn = s.ConsentedOn,
                    WithdrawnOn = s.WithdrawnOn,
                    WithdrawalReason = s.WithdrawalReason,
                    Completed = s.Status == "off-study" && s.WithdrawnOn is null,
                };
                var before = known.GetValueOrDefault(s.Id);
                row.CompletedOn = row.Completed ? before?.CompletedOn : null;
                row.SetStatus(s.Status, now);
                row.SetEligibilityOutcome(s.Eligible, before?.ScreenFailReasons);
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
                    approvalRows++;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
        });
        return new RebuildReport(1, subjectList.Count, visitList.Count, siteList.Count, milestones.Count, approvalRows);
    }
}
