using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Sites.Domain;
using Ctms.Sites.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.TrialsSites;

[Trait("Category", "TrialsSites")]
public sealed class IrbMilestoneTests
{
    [Fact]
    public async Task An_IRB_approval_records_the_milestone_of_the_trials_sites_at_the_approved_institutions_once()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend, TrialsSitesScopes.WithoutDemoIrbApprovals);
        _ = app.Server;
        var approval = new IrbApprovalGranted(Guid.NewGuid(), DemoIds.IrbSeoul, [DemoIds.InstitutionSeoul], DemoIds.TrialOncology, DemoIds.ProtocolOncologyV1,
            false, new DateOnly(2026, 10, 1), new DateOnly(2027, 9, 30), DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        async Task<DateOnly?> IrbMilestoneAsync(Guid siteId)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var site = await scope.ServiceProvider.GetRequiredService<SitesDbContext>().Sites.AsNoTracking().SingleAsync(s => s.Id == siteId);
            return site.Milestones.Single(m => m.Kind == MilestoneKind.IrbApproval).ActualDate;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
            await bus.Publish(approval, c => c.MessageId = messageId);
            await bus.Publish(approval, c => c.MessageId = messageId); // redelivered: no second effect
        }

        await Eventually.Until(() => IrbMilestoneAsync(DemoIds.SiteOncologySeoul), d => d == new DateOnly(2026, 10, 1), "the Seoul oncology site's IRB milestone");
        Assert.Null(await IrbMilestoneAsync(DemoIds.SiteOncologyBusan)); // another institution
        Assert.Null(await IrbMilestoneAsync(DemoIds.SiteCardiologySeoul)); // another trial
        await Eventually.Until(async () =>
        {
            await using var s = app.Services.CreateAsyncScope();
            return (await s.ServiceProvider.GetRequiredService<SitesDbContext>().Set<Ctms.Shared.Messaging.OutboxMessage>().AsNoTracking().ToListAsync())
                .Count(m => m.Type.Contains("SiteMilestoneReached", StringComparison.Ordinal) && m.Payload.Contains("irb-approval", StringComparison.Ordinal));
        }, n => n == 1, "one SiteMilestoneReached for the IRB approval");
    }
}
