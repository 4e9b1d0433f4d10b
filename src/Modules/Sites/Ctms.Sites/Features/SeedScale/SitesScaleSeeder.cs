using Ctms.Shared.Demo;
using Ctms.Shared.Persistence;
using Ctms.Shared.Seeding;
using Ctms.Sites.Domain;
using Ctms.Sites.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Sites.Features.SeedScale;

/// <summary>
/// The plan's institutions (each governed by its own IRB) and sites with their activation milestones. Staff and
/// delegation logs are not generated: the scale data set is for the sponsor's dashboards, not for data entry.
/// </summary>
internal sealed class SitesScaleSeeder(SitesDbContext db) : IScaleSeeder
{
    private static readonly Guid[] DemoSites = [DemoIds.SiteOncologySeoul, DemoIds.SiteOncologyBusan, DemoIds.SiteCardiologySeoul];

    public int Order => 20;

    public string Module => "Sites";

    public async Task<int> CountOtherDataAsync(CancellationToken cancellationToken) =>
        (await db.Sites.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken))
        .Count(id => !DemoSites.Contains(id) && !ScaleIds.IsScaleId(id));

    public async Task RemoveAsync(ScalePlan plan, CancellationToken cancellationToken)
    {
        var sites = plan.Sites.Select(s => s.Id).ToList();
        var institutions = plan.Institutions.Select(i => i.Id).ToList();
        await db.Set<SiteMilestone>().Where(m => sites.Contains(m.SiteId)).ExecuteDeleteAsync(cancellationToken);
        await db.Sites.Where(s => sites.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Institutions.Where(i => institutions.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<ScaleSeedPart> SeedAsync(ScalePlan plan, CancellationToken cancellationToken)
    {
        var run = new ScaleSeedRun(Module);
        run.Add("Institutions", await BulkInsert.WriteAsync<Institution>(db, ["Id", "Name", "Country", "IrbId"],
            plan.Institutions.Select(i => new object?[] { i.Id, i.Name, i.Country, i.IrbId }), cancellationToken));
        run.Add("Sites", await BulkInsert.WriteAsync<Site>(db,
            ["Id", "TrialId", "InstitutionId", "Code", "PrincipalInvestigator", "Status", "TargetEnrollment", "ActivatedAt", "Version"],
            plan.Sites.Select(s => new object?[]
            {
                s.Id, s.TrialId, s.Institution.Id, s.Code, s.PrincipalInvestigator, s.Status, s.TargetEnrollment, s.ActivatedAt, 1,
            }), cancellationToken));
        run.Add("SiteMilestones", await BulkInsert.WriteAsync<SiteMilestone>(db, ["Id", "SiteId", "Order", "Kind", "PlannedDate", "ActualDate"],
            plan.Sites.SelectMany(s => s.Milestones.Select(m => new object?[] { m.Id, s.Id, m.Order, m.Kind, m.Planned, m.Actual })), cancellationToken));
        return run.Finish();
    }
}
