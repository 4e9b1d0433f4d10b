using Ctms.Identity.Contracts.IntegrationEvents;
using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Shared.Messaging;
using Ctms.Sites.Contracts.IntegrationEvents;
using Ctms.Sites.Domain;
using Ctms.Sites.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Sites.Consumers;

/// <summary>Keeps the directory of user accounts (id, email, name) so staff are added by email without reading Identity's tables.</summary>
internal sealed class UserAccountCreatedConsumer(SitesDbContext db, TimeProvider clock, ILogger<UserAccountCreatedConsumer> logger)
    : InboxConsumer<UserAccountCreated, SitesDbContext>(db, clock, logger)
{
    protected override async Task ApplyAsync(UserAccountCreated message, CancellationToken cancellationToken)
    {
        if (await Db.KnownUsers.AnyAsync(u => u.UserId == message.UserId, cancellationToken))
        {
            return;
        }

        Db.KnownUsers.Add(new KnownUser(message.UserId, message.Email.Trim().ToLowerInvariant(), message.DisplayName, string.Join(",", message.Roles)));
    }
}

/// <summary>Records the actual date of the "IRB approval" milestone of every site of the trial at the approved institutions.</summary>
internal sealed class IrbApprovalGrantedConsumer(SitesDbContext db, TimeProvider clock, ILogger<IrbApprovalGrantedConsumer> logger)
    : InboxConsumer<IrbApprovalGranted, SitesDbContext>(db, clock, logger)
{
    protected override async Task ApplyAsync(IrbApprovalGranted message, CancellationToken cancellationToken)
    {
        var institutions = message.InstitutionIds.ToList();
        var sites = await Db.Sites.Where(s => s.TrialId == message.TrialId && institutions.Contains(s.InstitutionId)).ToListAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        foreach (var site in sites)
        {
            var milestone = site.Milestone(MilestoneKind.IrbApproval);
            if (milestone.ActualDate is not null)
            {
                continue;
            }

            milestone.Record(milestone.PlannedDate, message.ApprovedOn);
            site.Touch();
            Db.AddIntegrationEvent(new SiteMilestoneReached(site.Id, site.TrialId, MilestoneKind.IrbApproval, message.ApprovedOn, now), now);
        }
    }
}
