using Ctms.Irb.Domain;
using Ctms.Irb.Persistence;
using Ctms.Shared.Messaging;
using Ctms.Trials.Contracts;
using Ctms.Trials.Contracts.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Irb.Consumers;

/// <summary>
/// A consent version submitted on its own, after its protocol version, becomes an amendment submission at the IRB
/// of record. Consents submitted together with their protocol version travel in that submission instead.
/// </summary>
internal sealed class ConsentVersionSubmittedConsumer(IrbDbContext db, ITrialsQueries trials, TimeProvider clock,
    ILogger<ConsentVersionSubmittedConsumer> logger) : InboxConsumer<ConsentVersionSubmitted, IrbDbContext>(db, clock, logger)
{
    protected override async Task ApplyAsync(ConsentVersionSubmitted message, CancellationToken cancellationToken)
    {
        var ofRecord = await Db.IrbsOfRecord.AsNoTracking().SingleOrDefaultAsync(r => r.TrialId == message.TrialId, cancellationToken);
        var version = await trials.GetProtocolVersionAsync(message.ProtocolVersionId, cancellationToken);
        if (ofRecord is null || version is null || !await Db.Committees.AnyAsync(c => c.Id == ofRecord.IrbId, cancellationToken) ||
            version.SubmittedAt == message.SubmittedAt)
        {
            return; // reviewed elsewhere, unknown, or part of its protocol version's own submission
        }

        if (await Db.Submissions.AnyAsync(s => s.IrbId == ofRecord.IrbId && s.Documents.Any(d => d.ReferenceId == message.ConsentVersionId), cancellationToken))
        {
            return;
        }

        var trial = await trials.GetAsync(message.TrialId, cancellationToken);
        Db.Submissions.Add(new Submission(ofRecord.IrbId, message.TrialId, trial?.ProtocolNumber ?? "", message.ProtocolVersionId, version.Version,
            SubmissionTypes.Amendment, RiskLevels.GreaterThanMinimal, Clock.GetUtcNow(),
            [new SubmissionDocument("consent", message.ConsentVersionId, message.DocumentName, message.Version, message.Language)]));
    }
}
