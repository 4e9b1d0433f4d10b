using Ctms.Shared.Demo;
using Ctms.Shared.Persistence;
using Ctms.Shared.Seeding;
using Ctms.Trials.Domain;
using Ctms.Trials.Domain.Schedule;
using Ctms.Trials.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Trials.Features.SeedScale;

/// <summary>The plan's trials: active, each with its arms and a submitted protocol 1.0 (28-visit schedule, criteria, an English consent 1.0).</summary>
internal sealed class TrialsScaleSeeder(TrialsDbContext db) : IScaleSeeder
{
    public int Order => 10;

    public string Module => "Trials";

    public async Task<int> CountOtherDataAsync(CancellationToken cancellationToken) =>
        (await db.Trials.AsNoTracking().Select(t => t.Id).ToListAsync(cancellationToken))
        .Count(id => id != DemoIds.TrialOncology && id != DemoIds.TrialCardiology && !ScaleIds.IsScaleId(id));

    public async Task RemoveAsync(ScalePlan plan, CancellationToken cancellationToken)
    {
        var trials = plan.Trials.Select(t => t.Id).ToList();
        var versions = plan.Trials.Select(t => t.ProtocolVersionId).ToList();
        await db.Set<VisitDefinition>().Where(v => versions.Contains(v.ProtocolVersionId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ConsentVersion>().Where(c => versions.Contains(c.ProtocolVersionId)).ExecuteDeleteAsync(cancellationToken);
        await db.ProtocolVersions.Where(p => trials.Contains(p.TrialId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<TrialArm>().Where(a => trials.Contains(a.TrialId)).ExecuteDeleteAsync(cancellationToken);
        await db.Trials.Where(t => trials.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<ScaleSeedPart> SeedAsync(ScalePlan plan, CancellationToken cancellationToken)
    {
        var run = new ScaleSeedRun(Module);
        run.Add("Trials", await BulkInsert.WriteAsync<Trial>(db,
            ["Id", "TenantId", "ProtocolNumber", "Title", "Phase", "TherapeuticArea", "Status", "TargetEnrollment", "AllowOverEnrollment",
             "DayCountingConvention", "SaeReportingHours", "RegisteredAt", "Version"],
            plan.Trials.Select(t => new object?[]
            {
                t.Id, ScalePlan.TenantId, t.ProtocolNumber, t.Title, t.Phase, t.TherapeuticArea, TrialStatus.Active, t.TargetEnrollment, false,
                DayCounting.Day1, t.SaeReportingHours, t.RegisteredAt, 1,
            }), cancellationToken));
        run.Add("TrialArms", await BulkInsert.WriteAsync<TrialArm>(db, ["Id", "TrialId", "Order", "Name", "Type", "AllocationRatio"],
            plan.Trials.SelectMany(t => t.Arms.Select(a => new object?[] { a.Id, t.Id, a.Order, a.Name, a.Type, 1 })), cancellationToken));
        run.Add("ProtocolVersions", await BulkInsert.WriteAsync<ProtocolVersion>(db,
            ["Id", "TrialId", "Major", "Status", "CreatedAt", "SubmittedAt", "Procedures", "InclusionCriteria", "ExclusionCriteria", "Version"],
            plan.Trials.Select(t => new object?[]
            {
                t.ProtocolVersionId, t.Id, 1, ProtocolVersionStatus.Submitted, t.RegisteredAt, t.RegisteredAt.AddDays(30),
                plan.Schedule.SelectMany(v => v.Procedures).Distinct().ToList(), t.Inclusion.ToList(), t.Exclusion.ToList(), 1,
            }), cancellationToken));
        run.Add("VisitDefinitions", await BulkInsert.WriteAsync<VisitDefinition>(db,
            ["Id", "ProtocolVersionId", "Order", "Name", "Type", "Anchor", "TargetDay", "WindowBefore", "WindowAfter", "Procedures"],
            plan.Trials.SelectMany(t => plan.Schedule.Select(v => new object?[]
            {
                ScaleIds.For(plan.Tier, ScaleIds.VisitDefinition, t.Index * 64L + v.Order), t.ProtocolVersionId, v.Order, v.Name, VisitType.Scheduled,
                VisitAnchor.Baseline, v.TargetDay, v.WindowBefore, v.WindowAfter, v.Procedures.ToList(),
            })), cancellationToken));
        run.Add("ConsentVersions", await BulkInsert.WriteAsync<ConsentVersion>(db, ["Id", "ProtocolVersionId", "DocumentName", "Version", "Language"],
            plan.Trials.Select(t => new object?[] { t.ConsentVersionId, t.ProtocolVersionId, "Participant information and consent form", "1.0", "en" }),
            cancellationToken));
        return run.Finish();
    }
}
