using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Domain;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Features.SeedDemo;

internal sealed class IrbDemoSeeder(IrbDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Committees.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        IrbCommittee[] committees =
        [
            new(DemoIds.IrbSeoul, DemoIds.InstitutionSeoul, "Seoul National Medical Center IRB (demo)"),
            new(DemoIds.IrbBusan, DemoIds.InstitutionBusan, "Busan University Hospital IRB (demo)"),
        ];
        foreach (var committee in committees)
        {
            db.Committees.Add(committee);
            db.AddIntegrationEvent(new IrbRegistered(committee.Id, committee.InstitutionId, committee.Name, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
