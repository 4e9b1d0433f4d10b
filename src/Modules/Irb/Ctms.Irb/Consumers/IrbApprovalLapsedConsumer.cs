using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Features.Approvals;
using Ctms.Irb.Persistence;
using Ctms.Shared.Messaging;
using Microsoft.Extensions.Logging;

namespace Ctms.Irb.Consumers;

/// <summary>When a reviewing IRB's approval lapses at its center, the recognitions of it lapse here too.</summary>
internal sealed class IrbApprovalLapsedConsumer(IrbDbContext db, ApprovalLapsing lapsing, MessagingSettings messaging, TimeProvider clock,
    ILogger<IrbApprovalLapsedConsumer> logger) : InboxConsumer<IrbApprovalLapsed, IrbDbContext>(db, clock, logger)
{
    protected override async Task ApplyAsync(IrbApprovalLapsed message, CancellationToken cancellationToken)
    {
        if (message.CenterId == messaging.CenterId || message.Recognised)
        {
            return; // our own lapse, or another center's recognition: nothing here relies on it
        }

        await lapsing.LapseRecognitionsOfAsync(message.DecisionId, message.LapsedOn,
            $"The reviewing IRB's approval lapsed on {message.LapsedOn:yyyy-MM-dd}: {message.Reason}", cancellationToken);
    }
}
