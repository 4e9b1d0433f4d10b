using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Ctms.Sites.Contracts.IntegrationEvents;
using Ctms.Sites.Domain;
using Ctms.Sites.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Sites.Features.SeedDemo;

/// <summary>Two institutions, each governed by its own IRB, and three sites across the two demo trials.</summary>
internal sealed class SitesDemoSeeder(SitesDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Institutions.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.Institutions.Add(new Institution(DemoIds.InstitutionSeoul, "Seoul National Medical Center (demo)", "KR", DemoIds.IrbSeoul));
        db.Institutions.Add(new Institution(DemoIds.InstitutionBusan, "Busan University Hospital (demo)", "KR", DemoIds.IrbBusan));

        Site[] sites =
        [
            new(DemoIds.SiteOncologySeoul, DemoIds.TrialOncology, DemoIds.InstitutionSeoul, "SEL01", "Dr. Kim Min-jun", 60),
            new(DemoIds.SiteOncologyBusan, DemoIds.TrialOncology, DemoIds.InstitutionBusan, "PUS01", "Dr. Park Ji-woo", 60),
            new(DemoIds.SiteCardiologySeoul, DemoIds.TrialCardiology, DemoIds.InstitutionSeoul, "SEL02", "Dr. Lee Seo-yeon", 60),
        ];
        foreach (var site in sites)
        {
            // Seeded active directly (the activation checks apply to sites the sponsor adds); both milestones dated today.
            site.Milestone(MilestoneKind.Selected).Record(null, DateOnly.FromDateTime(now.UtcDateTime));
            site.Activate(now);
            db.Sites.Add(site);
            db.AddIntegrationEvent(new SiteActivated(site.Id, site.TrialId, site.InstitutionId, site.Code, site.TargetEnrollment, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
