using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Domain;
using Ctms.Irb.Persistence;
using Ctms.Shared.Messaging;
using Ctms.Shared.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Irb.Features.Approvals;

/// <summary>
/// Lapses approvals whose period ended (and the recognitions of them), issues the 60/30/7-day continuing-review
/// reminders, and publishes <see cref="IrbApprovalLapsed"/> for each lapse in the same commit.
/// </summary>
internal sealed class ApprovalLapsing(IrbDbContext db, MessagingSettings messaging, TimeProvider clock, ILogger<ApprovalLapsing> logger)
{
    /// <summary>Checks every approval against <paramref name="today"/>; saves.</summary>
    public async Task<int> RunAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var open = await db.Approvals.Where(a => a.LapsedOn == null).ToListAsync(cancellationToken);
        var lapsed = 0;
        foreach (var approval in open.Where(a => a.ExpiresOn < today))
        {
            Lapse(approval, approval.ExpiresOn.AddDays(1), $"The approval period ended on {approval.ExpiresOn:yyyy-MM-dd}; continuing review was not approved in time.");
            lapsed++;
        }

        var issued = (await db.Reminders.Select(r => new { r.ApprovalId, r.DaysBefore }).ToListAsync(cancellationToken))
            .Select(r => (r.ApprovalId, r.DaysBefore)).ToHashSet();
        foreach (var approval in open.Where(a => a.ExpiresOn >= today && !a.Recognised))
        {
            foreach (var days in ApprovalPeriod.ReminderDays.Where(d => approval.ExpiresOn.AddDays(-d) <= today && !issued.Contains((approval.Id, d))))
            {
                db.Reminders.Add(new ApprovalReminder(approval.Id, days, approval.ExpiresOn.AddDays(-days), clock.GetUtcNow()));
                logger.LogInformation("Continuing review of approval {ApprovalId} is due: {Days} days before expiry on {ExpiresOn}",
                    approval.Id, days, approval.ExpiresOn);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return lapsed;
    }

    /// <summary>Lapses this center's recognitions of a decision and their approvals; the caller saves.</summary>
    public async Task LapseRecognitionsOfAsync(Guid decisionId, DateOnly on, string reason, CancellationToken cancellationToken)
    {
        foreach (var recognition in await db.Recognitions.Where(r => r.DecisionId == decisionId).ToListAsync(cancellationToken))
        {
            recognition.Lapse(reason);
        }

        foreach (var approval in await db.Approvals.Where(a => a.DecisionId == decisionId && a.Recognised && a.LapsedOn == null).ToListAsync(cancellationToken))
        {
            Lapse(approval, on, reason);
        }
    }

    private void Lapse(Approval approval, DateOnly on, string reason)
    {
        if (!approval.Lapse(on, reason))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.AddIntegrationEvent(new IrbApprovalLapsed(approval.Id, messaging.CenterId, approval.IrbId, approval.ReviewingIrbId, approval.Recognised,
            approval.DecisionId, approval.InstitutionIds, approval.TrialId, approval.ProtocolVersionId, reason, on, now), now);
        logger.LogWarning("Approval {ApprovalId} of IRB {IrbId} lapsed on {On}: {Reason}", approval.Id, approval.IrbId, on, reason);
    }
}
