using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Approvals;
using Ctms.Irb.Features.Signing;
using Ctms.Irb.Persistence;
using Ctms.Shared.Messaging;
using Ctms.Shared.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Irb.Features.Recognition;

/// <summary>
/// What a relying center does with another center's signed decision, for each local IRB that governs a site of
/// the trial: verify the signature with the key in the agreement in force, check the scope, the decision and its
/// expiry, then record a pending recognition or a refusal with its reason. A bad signature also raises an alert.
/// Changes are left in the context for the caller's single SaveChanges (with the inbox row).
/// </summary>
internal sealed class RecognitionIntake(
    IrbDbContext db,
    IrbInstitutions institutions,
    MessagingSettings messaging,
    TimeProvider clock,
    ILogger<RecognitionIntake> logger)
{
    public async Task ReceiveAsync(IrbDecisionSigned message, CancellationToken cancellationToken)
    {
        if (message.CenterId == messaging.CenterId)
        {
            return; // our own decision, already in effect here
        }

        var decision = TryParse(message.CanonicalDecision);
        var trialId = decision?.TrialId ?? Guid.Empty;
        var localIrbs = await db.Committees.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        var relying = trialId == Guid.Empty
            ? localIrbs
            : (await institutions.ParticipatingIrbsAsync(trialId, cancellationToken)).Intersect(localIrbs).ToList();
        var today = clock.Today();
        var now = clock.GetUtcNow();

        foreach (var relyingIrbId in relying.Where(id => id != message.ReviewingIrbId))
        {
            if (await db.Recognitions.AnyAsync(r => r.DecisionId == message.DecisionId && r.RelyingIrbId == relyingIrbId, cancellationToken))
            {
                continue; // this decision was already taken in for this IRB
            }

            var agreements = (await db.Agreements.AsNoTracking().ToListAsync(cancellationToken))
                .Where(a => a.Party(relyingIrbId) is not null && a.Party(message.ReviewingIrbId) is not null)
                .ToList();
            // The agreement must name the reviewing IRB at the center the decision came from: its key is the one to trust.
            var agreement = agreements.FirstOrDefault(a => a.InForceOn(today) && a.Party(message.ReviewingIrbId)!.CenterId == message.CenterId);
            var (code, reason) = Evaluate(message, decision, agreement, today);

            Domain.Recognition recognition;
            if (code is null)
            {
                recognition = Domain.Recognition.Pending(agreement!.Id, relyingIrbId, decision!, message.CanonicalDecision, now);
                logger.LogInformation("Decision {DecisionId} of {Reviewing}@{Center} awaits local review by {Relying}",
                    message.DecisionId, message.ReviewingIrbId, message.CenterId, relyingIrbId);
            }
            else
            {
                recognition = Domain.Recognition.Refused(relyingIrbId, message.DecisionId, message.ReviewingIrbId,
                    decision?.ReviewingIrbName ?? "(unverified)", message.CenterId, trialId, decision?.ProtocolNumber ?? "",
                    decision?.ProtocolVersionId ?? Guid.Empty, decision?.ProtocolVersion ?? "", decision?.SubmissionType ?? "",
                    message.CanonicalDecision, code, reason!, now);
                db.AddIntegrationEvent(new IrbRecognitionRefused(recognition.Id, relyingIrbId, message.ReviewingIrbId, message.CenterId,
                    message.DecisionId, trialId, recognition.ProtocolVersionId, code, reason!, now), now);
                logger.LogWarning("Decision {DecisionId} of {Reviewing}@{Center} refused for {Relying}: {Reason}",
                    message.DecisionId, message.ReviewingIrbId, message.CenterId, relyingIrbId, reason);
                if (code == RefusalCodes.BadSignature)
                {
                    db.SecurityAlerts.Add(new SecurityAlert("bad-signature",
                        $"Decision {message.DecisionId} claiming to come from IRB {message.ReviewingIrbId} at center '{message.CenterId}' " +
                        $"failed signature verification ({reason}).", now));
                }
            }

            db.Recognitions.Add(recognition);
        }
    }

    private static (string? Code, string? Reason) Evaluate(IrbDecisionSigned message, SignedIrbDecision? decision, Agreement? agreement, DateOnly today)
    {
        if (agreement is null)
        {
            return (RefusalCodes.NoAgreement, $"No mutual recognition agreement with the reviewing IRB at center '{message.CenterId}' is in force.");
        }

        var party = agreement.Party(message.ReviewingIrbId)!;
        if (message.SignatureAlgorithm != IrbDecisionSigned.Algorithm ||
            !IrbKeyRing.Verify(party.PublicKey, message.CanonicalDecision, message.Signature))
        {
            return (RefusalCodes.BadSignature, $"The decision's signature cannot be verified with the key of {party.IrbName} in agreement '{agreement.Name}'.");
        }

        if (decision is null || decision.DecisionId != message.DecisionId || decision.ReviewingIrbId != message.ReviewingIrbId || decision.CenterId != message.CenterId)
        {
            return (RefusalCodes.BadSignature, "The signed decision does not match the message that carried it.");
        }

        if (!agreement.Covers(decision.TrialId, decision.RiskLevel))
        {
            return (RefusalCodes.OutOfScope, $"Agreement '{agreement.Name}' covers {agreement.Scope} reviews; this {decision.RiskLevel} review of {decision.ProtocolNumber} is out of its scope.");
        }

        if (decision.Decision != Decisions.Approved || decision.ApprovedOn is null || decision.ExpiresOn is null)
        {
            return (RefusalCodes.NotAnApproval, $"The decision is '{decision.Decision}', not an approval; only approvals are recognised.");
        }

        if (decision.ExpiresOn < today)
        {
            return (RefusalCodes.Expired, $"The approval expired on {decision.ExpiresOn:yyyy-MM-dd}.");
        }

        return (null, null);
    }

    private static SignedIrbDecision? TryParse(string canonical)
    {
        try
        {
            return CanonicalJson.Deserialize<SignedIrbDecision>(canonical);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
