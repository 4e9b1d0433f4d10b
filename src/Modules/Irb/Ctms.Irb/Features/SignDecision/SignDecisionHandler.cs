using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Access;
using Ctms.Irb.Features.Approvals;
using Ctms.Irb.Features.Signing;
using Ctms.Irb.Persistence;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Signatures;
using Ctms.Shared.Time;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Features.SignDecision;

/// <summary>
/// Signs a decision with a Part 11 signature and puts it in effect: an approval for the institutions the IRB
/// governs, and the decision published to every center, signed with the IRB's key, in the same commit.
/// </summary>
internal sealed class SignDecisionHandler(
    IrbDbContext db,
    ICurrentUser user,
    IElectronicSignatureService signatures,
    IrbKeyRing keys,
    IrbInstitutions institutions,
    ApprovalPeriodService periods,
    MessagingSettings messaging,
    TimeProvider clock) : ICommandHandler<SignDecisionCommand, SignedDecision>
{
    public async Task<Result<SignedDecision>> HandleAsync(SignDecisionCommand command, CancellationToken cancellationToken = default)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == command.SubmissionId, cancellationToken);
        if (submission is null)
        {
            return Error.NotFound("The submission");
        }

        if (IrbAccess.Chair(user, submission.IrbId) is { } denied)
        {
            return denied;
        }

        if (submission.Decision is null || submission.IsSigned)
        {
            return Error.Rule("not-ready", submission.IsSigned ? "This decision is already signed." : "Record the decision before signing it.");
        }

        var irb = await db.Committees.SingleAsync(c => c.Id == submission.IrbId, cancellationToken);
        await keys.PublicKeyAsync(irb.Id, cancellationToken); // creates the key pair first, in its own commit
        var signature = await signatures.SignAsync(new SignatureRequest("IrbDecision", submission.Id.ToString(),
            submission.DecisionContent(), submission.SignatureMeaningRequired, command.UserName, command.Password), cancellationToken);
        if (signature.IsFailure)
        {
            return Result<SignedDecision>.FromErrors(signature.Errors);
        }

        var today = clock.Today();
        var (approvedOn, expiresOn) = await periods.ForAsync(submission, today, cancellationToken);
        var signed = submission.Sign(signature.Value, approvedOn, expiresOn);
        if (signed.IsFailure)
        {
            return Result<SignedDecision>.FromErrors(signed.Errors);
        }

        var now = clock.GetUtcNow();
        Approval? approval = null;
        if (submission.IsApproval)
        {
            var governed = await institutions.GovernedByAsync(irb.Id, cancellationToken);
            approval = new Approval(irb.Id, irb.Name, irb.Id, recognised: false, submission.Id, submission.TrialId,
                submission.ProtocolVersionId, governed, approvedOn, expiresOn);
            db.Approvals.Add(approval);
            db.AddIntegrationEvent(new IrbApprovalGranted(approval.Id, irb.Id, governed, submission.TrialId, submission.ProtocolVersionId,
                Recognised: false, approvedOn, expiresOn, now) { ConsentVersionIds = IrbQueries.ConsentVersionsOf(submission) }, now);
        }

        var payload = CanonicalJson.Serialize(new SignedIrbDecision(1, submission.Id, messaging.CenterId, irb.Id, irb.Name,
            submission.TrialId, submission.ProtocolNumber, submission.ProtocolVersionId, submission.ProtocolVersion, submission.Type,
            submission.RiskLevel, submission.Decision, submission.Conditions, submission.ApprovedOn, submission.ExpiresOn,
            submission.Documents.Where(d => d.Kind == "consent").Select(d => d.ReferenceId).ToList(),
            signature.Value.PrintedName, signature.Value.SignedAtUtc));
        db.AddIntegrationEvent(new IrbDecisionSigned(submission.Id, messaging.CenterId, irb.Id, payload,
            await keys.SignAsync(irb.Id, payload, cancellationToken), IrbDecisionSigned.Algorithm, now), now);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("The submission changed while it was being signed; reload it and sign again.");
        }

        return new SignedDecision(signature.Value.Display, approval?.Id, submission.ApprovedOn, submission.ExpiresOn);
    }
}
