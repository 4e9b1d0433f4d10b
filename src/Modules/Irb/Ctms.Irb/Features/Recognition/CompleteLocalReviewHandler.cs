using Ctms.Irb.Features.Signing;
using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Access;
using Ctms.Irb.Features.Approvals;
using Ctms.Irb.Persistence;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Signatures;
using Ctms.Shared.Time;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Features.Recognition;

/// <summary>
/// Records the local-context checklist and, when complete and signed, puts the recognition in force: an approval
/// at the relying IRB's institutions that inherits the reviewing IRB's approval period.
/// </summary>
internal sealed class CompleteLocalReviewHandler(
    IrbDbContext db,
    ICurrentUser user,
    IElectronicSignatureService signatures,
    IrbInstitutions institutions,
    TimeProvider clock) : ICommandHandler<CompleteLocalReviewCommand, string>
{
    public async Task<Result<string>> HandleAsync(CompleteLocalReviewCommand c, CancellationToken cancellationToken = default)
    {
        var recognition = await db.Recognitions.SingleOrDefaultAsync(r => r.Id == c.RecognitionId, cancellationToken);
        if (recognition is null)
        {
            return Error.NotFound("The recognition");
        }

        if (IrbAccess.Chair(user, recognition.RelyingIrbId) is { } denied)
        {
            return denied;
        }

        var recorded = recognition.RecordChecklist(c.LocalLawAndPolicy, c.ConflictsOfInterest, c.StaffQualifications, c.ConsentLanguage, c.Privacy, c.Notes);
        if (recorded.IsFailure)
        {
            return Result<string>.FromErrors(recorded.Errors);
        }

        if (recognition.MissingChecks() is { Count: > 0 } missing)
        {
            return Result<string>.FromErrors(missing);
        }

        var today = clock.Today();
        if (recognition.ExpiresOn is not { } expiresOn || expiresOn < today)
        {
            return Error.Rule("expired", "The reviewing IRB's approval has expired; it can no longer be recognised.");
        }

        var signature = await signatures.SignAsync(new SignatureRequest("IrbRecognition", recognition.Id.ToString(),
            recognition.LocalReviewContent(), SignatureMeaning.Approval, c.UserName, c.Password), cancellationToken);
        if (signature.IsFailure)
        {
            return Result<string>.FromErrors(signature.Errors);
        }

        var relying = await db.Committees.SingleAsync(i => i.Id == recognition.RelyingIrbId, cancellationToken);
        var governed = await institutions.GovernedByAsync(relying.Id, cancellationToken);
        var approval = new Approval(relying.Id, relying.Name, recognition.ReviewingIrbId, recognised: true, recognition.DecisionId,
            recognition.TrialId, recognition.ProtocolVersionId, governed, recognition.ApprovedOn!.Value, expiresOn);
        var effect = recognition.TakeEffect(signature.Value, approval.Id);
        if (effect.IsFailure)
        {
            return Result<string>.FromErrors(effect.Errors);
        }

        var now = clock.GetUtcNow();
        db.Approvals.Add(approval);
        db.AddIntegrationEvent(new IrbApprovalRecognized(recognition.Id, relying.Id, recognition.ReviewingIrbId, recognition.ReviewingCenterId,
            recognition.DecisionId, recognition.TrialId, recognition.ProtocolVersionId, governed, approval.ApprovedOn, approval.ExpiresOn, now), now);
        db.AddIntegrationEvent(new IrbApprovalGranted(approval.Id, relying.Id, governed, recognition.TrialId, recognition.ProtocolVersionId,
            Recognised: true, approval.ApprovedOn, approval.ExpiresOn, now)
        {
            ConsentVersionIds = CanonicalJson.Deserialize<SignedIrbDecision>(recognition.CanonicalDecision)?.ConsentVersionIds ?? [],
        }, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("The recognition changed meanwhile; reload it.");
        }

        return signature.Value.Display;
    }
}
