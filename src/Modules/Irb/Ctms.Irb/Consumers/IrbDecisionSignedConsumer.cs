using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Features.Recognition;
using Ctms.Irb.Persistence;
using Ctms.Shared.Messaging;
using Microsoft.Extensions.Logging;

namespace Ctms.Irb.Consumers;

/// <summary>Another center's signed IRB decision: recognised (pending local review) or refused, once per message.</summary>
internal sealed class IrbDecisionSignedConsumer(IrbDbContext db, RecognitionIntake intake, TimeProvider clock, ILogger<IrbDecisionSignedConsumer> logger)
    : InboxConsumer<IrbDecisionSigned, IrbDbContext>(db, clock, logger)
{
    protected override Task ApplyAsync(IrbDecisionSigned message, CancellationToken cancellationToken) =>
        intake.ReceiveAsync(message, cancellationToken);
}
