using Ctms.Identity.Contracts;
using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Signing;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Features.SeedDemo;

/// <summary>
/// Two IRBs (one per demo institution) with their rosters from the demo users, each with its signing key, and the
/// Seoul IRB as IRB of record of both demo trials. Runs after the Identity seed, which creates the users.
/// </summary>
internal sealed class IrbDemoSeeder(IrbDbContext db, IIdentityQueries people, IrbKeyRing keys, TimeProvider clock) : IDemoSeeder
{
    public int Order => 50;

    private static readonly (Guid Irb, string Email, string Role)[] Roster =
    [
        (DemoIds.IrbSeoul, "irb.chair@demo.ctms", MemberRoles.Chair),
        (DemoIds.IrbSeoul, "irb.member@demo.ctms", MemberRoles.Member),
        (DemoIds.IrbBusan, "irb.chair.busan@demo.ctms", MemberRoles.Chair),
        (DemoIds.IrbBusan, "irb.member.busan@demo.ctms", MemberRoles.Member),
    ];

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

        foreach (var (irb, email, role) in Roster)
        {
            if (await people.FindByEmailAsync(email, cancellationToken) is { } person)
            {
                db.Members.Add(new IrbMember(irb, person.UserId, person.DisplayName, role));
            }
        }

        db.IrbsOfRecord.Add(new TrialIrbOfRecord(DemoIds.TrialOncology, DemoIds.IrbSeoul));
        db.IrbsOfRecord.Add(new TrialIrbOfRecord(DemoIds.TrialCardiology, DemoIds.IrbSeoul));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var committee in committees)
        {
            await keys.PublicKeyAsync(committee.Id, cancellationToken);
        }
    }
}
