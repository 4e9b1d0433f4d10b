using Ctms.Irb.Domain;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Persistence;
using Ctms.Shared.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Features.SeedScale;

/// <summary>
/// The plan's IRBs (one per institution), the IRB of record of each trial and the approvals in force or lapsed at each
/// site's institution, own or recognised. Submissions and signed decisions behind them are not generated (the decision
/// ids name none): the approvals are what enrollment checks and dashboards read.
/// </summary>
internal sealed class IrbScaleSeeder(IrbDbContext db) : IScaleSeeder
{
    public int Order => 30;

    public string Module => "Irb";

    public async Task<int> CountOtherDataAsync(CancellationToken cancellationToken) =>
        (await db.Approvals.AsNoTracking().Select(a => a.TrialId).Distinct().ToListAsync(cancellationToken))
        .Count(id => id != DemoIds.TrialOncology && id != DemoIds.TrialCardiology && !ScaleIds.IsScaleId(id));

    public async Task RemoveAsync(ScalePlan plan, CancellationToken cancellationToken)
    {
        var trials = plan.Trials.Select(t => t.Id).ToList();
        var irbs = plan.Institutions.Select(i => i.IrbId).ToList();
        await db.Approvals.Where(a => trials.Contains(a.TrialId)).ExecuteDeleteAsync(cancellationToken);
        await db.IrbsOfRecord.Where(r => trials.Contains(r.TrialId)).ExecuteDeleteAsync(cancellationToken);
        await db.Committees.Where(c => irbs.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<ScaleSeedPart> SeedAsync(ScalePlan plan, CancellationToken cancellationToken)
    {
        var run = new ScaleSeedRun(Module);
        run.Add("Committees", await BulkInsert.WriteAsync<IrbCommittee>(db, ["Id", "InstitutionId", "Name"],
            plan.Institutions.Select(i => new object?[] { i.IrbId, i.Id, i.IrbName }), cancellationToken));
        run.Add("IrbsOfRecord", await BulkInsert.WriteAsync<TrialIrbOfRecord>(db, ["TrialId", "IrbId"],
            plan.Trials.Select(t => new object?[] { t.Id, t.IrbOfRecordId }), cancellationToken));
        run.Add("Approvals", await BulkInsert.WriteAsync<Approval>(db,
            ["Id", "IrbId", "IrbName", "ReviewingIrbId", "Recognised", "DecisionId", "TrialId", "ProtocolVersionId", "InstitutionIds", "ApprovedOn",
             "ExpiresOn", "LapsedOn", "LapseReason", "Version"],
            plan.Trials.SelectMany(t => t.Approvals).Select(a => new object?[]
            {
                a.Id, a.IrbId, a.IrbName, a.ReviewingIrbId, a.Recognised, a.DecisionId, a.TrialId, a.ProtocolVersionId, new List<Guid> { a.InstitutionId },
                a.ApprovedOn, a.ExpiresOn, a.LapsedOn, a.LapseReason, 1,
            }), cancellationToken));
        return run.Finish();
    }
}
