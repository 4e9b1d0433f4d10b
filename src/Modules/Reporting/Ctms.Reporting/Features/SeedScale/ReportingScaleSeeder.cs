using Ctms.Reporting.Domain;
using Ctms.Reporting.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Persistence;
using Ctms.Shared.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Features.SeedScale;

/// <summary>
/// Projects the plan into the read model, row for row what <c>reporting rebuild</c> derives from the owners' tables the
/// other seeders wrote, plus the facts a rebuild carries over from events (screen-failure reasons, deviations, SAEs,
/// completion dates). Projecting from the plan keeps the module boundary: nothing is read from another module's tables.
/// </summary>
internal sealed class ReportingScaleSeeder(ReportingDbContext db) : IScaleSeeder
{
    public int Order => 90;

    public string Module => "Reporting";

    public async Task<int> CountOtherDataAsync(CancellationToken cancellationToken) =>
        (await db.Sites.AsNoTracking().Select(s => s.TrialId).Distinct().ToListAsync(cancellationToken))
        .Count(id => id != DemoIds.TrialOncology && id != DemoIds.TrialCardiology && !ScaleIds.IsScaleId(id));

    public async Task RemoveAsync(ScalePlan plan, CancellationToken cancellationToken)
    {
        foreach (var trialId in plan.Trials.Select(t => t.Id))
        {
            await db.Subjects.Where(s => s.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.Visits.Where(v => v.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.Deviations.Where(d => d.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.SeriousAdverseEvents.Where(s => s.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.Sites.Where(s => s.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.SiteMilestones.Where(m => m.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
            await db.IrbApprovals.Where(a => a.TrialId == trialId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    public async Task<ScaleSeedPart> SeedAsync(ScalePlan plan, CancellationToken cancellationToken)
    {
        var run = new ScaleSeedRun(Module);
        run.Add("SiteFacts", await BulkInsert.WriteAsync<SiteFact>(db, ["SiteId", "TrialId", "Code", "Status", "StatusAt", "TargetEnrollment"],
            plan.Sites.Select(s => new object?[] { s.Id, s.TrialId, s.Code, s.Status, s.StatusAt, s.TargetEnrollment }), cancellationToken));
        run.Add("SiteMilestoneFacts", await BulkInsert.WriteAsync<SiteMilestoneFact>(db, ["SiteId", "TrialId", "Milestone", "ReachedOn"],
            plan.Sites.SelectMany(s => s.Milestones.Where(m => m.Actual is not null).Select(m => new object?[] { s.Id, s.TrialId, m.Kind, m.Actual })),
            cancellationToken));
        run.Add("IrbApprovalFacts", await BulkInsert.WriteAsync<IrbApprovalFact>(db,
            ["ApprovalId", "InstitutionId", "TrialId", "IrbId", "ProtocolVersionId", "Recognised", "ApprovedOn", "ExpiresOn", "LapsedOn", "LapseReason"],
            plan.Trials.SelectMany(t => t.Approvals).Select(a => new object?[]
            {
                a.Id, a.InstitutionId, a.TrialId, a.IrbId, a.ProtocolVersionId, a.Recognised, a.ApprovedOn, a.ExpiresOn, a.LapsedOn, a.LapseReason,
            }), cancellationToken));

        foreach (var trial in plan.Trials)
        {
            var subjects = trial.Sites.SelectMany(site => plan.SubjectsOf(trial, site)).ToList();
            await WriteTrialAsync(subjects, run, cancellationToken);
        }

        return run.Finish();
    }

    private async Task WriteTrialAsync(List<PlannedSubject> subjects, ScaleSeedRun run, CancellationToken ct)
    {
        run.Add("SubjectFacts", await BulkInsert.WriteAsync<SubjectFact>(db,
            ["SubjectId", "TrialId", "SiteId", "SubjectNumber", "Status", "StatusAt", "ScreenedOn", "ConsentedOn", "Eligible", "ScreenFailReasons",
             "EligibilityAt", "EnrolledOn", "EnrolledAt", "ArmId", "ArmName", "WithdrawnOn", "WithdrawalReason", "Completed", "CompletedOn"],
            subjects.Select(s => new object?[]
            {
                s.Id, s.TrialId, s.SiteId, s.SubjectNumber, s.Status, s.StatusAt, s.ScreenedOn, s.ConsentedOn, s.Eligible,
                s.ScreenFailReasons.Count == 0 ? null : string.Join("; ", s.ScreenFailReasons),
                s.EligibilityAssessedOn is { } assessed ? new DateTimeOffset(assessed.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero) : null,
                s.EnrolledAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null, s.EnrolledAt, s.Arm?.Id, s.Arm?.Name, s.WithdrawnOn, s.WithdrawalReason,
                s.Status == "off-study" && s.WithdrawnOn is null, s.CompletedOn,
            }), ct));
        run.Add("VisitFacts", await BulkInsert.WriteAsync<VisitFact>(db,
            ["VisitId", "SubjectId", "TrialId", "SiteId", "VisitName", "Order", "Status", "PlannedOn", "Earliest", "Latest", "ActualDate", "OutOfWindow"],
            subjects.SelectMany(s => s.Visits.Select(v => new object?[]
            {
                v.Id, s.Id, s.TrialId, s.SiteId, v.Name, v.Order, v.Status, v.Planned, v.Earliest, v.Latest, v.Actual, v.OutOfWindow,
            })), ct));
        run.Add("DeviationFacts", await BulkInsert.WriteAsync<DeviationFact>(db,
            ["DeviationId", "TrialId", "SiteId", "SubjectId", "SubjectNumber", "Category", "Severity", "Source", "OccurredOn", "IdentifiedOn"],
            subjects.SelectMany(s => s.Deviations.Select(d => new object?[]
            {
                d.Id, s.TrialId, s.SiteId, s.Id, s.SubjectNumber, d.Category, d.Severity, d.Source, d.OccurredOn, d.IdentifiedOn,
            })), ct));
        run.Add("SaeFacts", await BulkInsert.WriteAsync<SaeFact>(db,
            ["AdverseEventId", "TrialId", "SiteId", "SubjectNumber", "Term", "AwareAt", "DueAt", "ReportedAt", "ReportedOn", "Late"],
            subjects.SelectMany(s => s.AdverseEvents.Where(a => a.Serious).Select(a => new object?[]
            {
                a.Id, s.TrialId, s.SiteId, s.SubjectNumber, a.Term, a.AwareAt, a.DueAt, a.ReportedAt, DateOnly.FromDateTime(a.ReportedAt.UtcDateTime), a.Late,
            })), ct));
    }
}
