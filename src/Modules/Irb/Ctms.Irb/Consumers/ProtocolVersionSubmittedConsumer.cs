using Ctms.Irb.Domain;
using Ctms.Irb.Persistence;
using Ctms.Shared.Messaging;
using Ctms.Trials.Contracts.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Irb.Consumers;

/// <summary>A submitted protocol version becomes a submission at the trial's IRB of record, when that IRB is here.</summary>
internal sealed class ProtocolVersionSubmittedConsumer(IrbDbContext db, TimeProvider clock, ILogger<ProtocolVersionSubmittedConsumer> logger)
    : InboxConsumer<ProtocolVersionSubmitted, IrbDbContext>(db, clock, logger)
{
    protected override async Task ApplyAsync(ProtocolVersionSubmitted message, CancellationToken cancellationToken)
    {
        var ofRecord = await Db.IrbsOfRecord.AsNoTracking().SingleOrDefaultAsync(r => r.TrialId == message.TrialId, cancellationToken);
        if (ofRecord is null || !await Db.Committees.AnyAsync(c => c.Id == ofRecord.IrbId, cancellationToken))
        {
            return; // reviewed elsewhere: this center hears of the decision through recognition
        }

        if (await Db.Submissions.AnyAsync(s => s.IrbId == ofRecord.IrbId && s.ProtocolVersionId == message.ProtocolVersionId, cancellationToken))
        {
            return;
        }

        var documents = message.ConsentVersions
            .Select(c => new SubmissionDocument("consent", c.ConsentVersionId, c.DocumentName, c.Version, c.Language))
            .Prepend(new SubmissionDocument("protocol", message.ProtocolVersionId, $"Protocol {message.ProtocolNumber}", message.Version, null));
        Db.Submissions.Add(new Submission(ofRecord.IrbId, message.TrialId, message.ProtocolNumber, message.ProtocolVersionId, message.Version,
            message.IsAmendment ? SubmissionTypes.Amendment : SubmissionTypes.Initial, RiskLevels.GreaterThanMinimal, Clock.GetUtcNow(), documents));
    }
}
