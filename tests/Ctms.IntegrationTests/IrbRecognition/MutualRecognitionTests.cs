using System.Security.Cryptography;
using System.Text;
using Ctms.IntegrationTests.Support;
using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Signing;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.IrbRecognition;

/// <summary>
/// Mutual recognition between two centers for real: two hosts, two databases, one RabbitMQ. The Seoul IRB at
/// center A reviews; the Busan IRB at center B relies on it under a signed agreement.
/// </summary>
[Trait("Category", "IrbRecognition")]
public sealed class MutualRecognitionTests
{
    private static readonly Guid Trial = DemoIds.TrialOncology;

    [PostgresRabbitFact]
    public async Task An_approval_signed_at_A_is_recognised_at_B_after_local_review_and_lapses_with_A()
    {
        await using var centers = await TwoCenters.StartAsync();
        var protocolVersion = DemoIds.ProtocolOncologyV1; // the trial's current version: enrollment asks for its approval
        var busanCoordinator = await SignIn.AsAsync(centers.B, "coordinator.busan@demo.ctms");
        await IrbSteps.AgreeAtBusanAsync(centers.B, await IrbSteps.PublicKeyAsync(centers.A, DemoIds.IrbSeoul));

        var decisionId = await IrbSteps.ApproveAtSeoulAsync(centers.A, Trial, "HB-ONC-301", protocolVersion);

        // A: in force at once for Seoul's own institution.
        var atA = await IrbSteps.ApprovalAtAsync(centers.A, DemoIds.InstitutionSeoul, Trial, protocolVersion);
        Assert.True(atA.InForce, atA.Reason);
        Assert.False(atA.Approval!.Recognised);

        // B: a recognition pending local review; nothing in force yet.
        var pending = await Eventually.Until(() => IrbSteps.RecognitionsAsync(centers.B, decisionId), r => r.Count == 1, "B to receive the decision");
        var recognition = Assert.Single(pending);
        Assert.Equal(RecognitionStatus.PendingLocalReview, recognition.Status);
        Assert.Equal(DemoIds.IrbBusan, recognition.RelyingIrbId);
        var before = await IrbSteps.ApprovalAtAsync(centers.B, DemoIds.InstitutionBusan, Trial, protocolVersion);
        Assert.False(before.InForce);
        Assert.Contains("awaits the local-context review", before.Reason, StringComparison.Ordinal);
        var screened = await SubjectJourney.ScreenAsync(busanCoordinator, DemoIds.SiteOncologyBusan);
        using (var refused = await SubjectJourney.PostEnrollmentAsync(busanCoordinator, DemoIds.SiteOncologyBusan, screened))
        {
            Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("awaits the local-context review", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // An incomplete checklist is refused and changes nothing; a complete, signed one puts it in force.
        var incomplete = await IrbSteps.CompleteLocalReviewAsync(centers.B, recognition.Id, allChecked: false);
        Assert.Contains(incomplete.Errors, e => e.Field == nameof(Recognition.ConsentLanguage));
        var signed = await IrbSteps.CompleteLocalReviewAsync(centers.B, recognition.Id);
        Assert.True(signed.IsSuccess, signed.Describe());
        Assert.StartsWith("Signed by Bae IRB Chair", signed.Value, StringComparison.Ordinal);

        var atB = await IrbSteps.ApprovalAtAsync(centers.B, DemoIds.InstitutionBusan, Trial, protocolVersion);
        Assert.True(atB.InForce, atB.Reason);
        Assert.True(atB.Approval!.Recognised);
        Assert.Equal(DemoIds.IrbSeoul, atB.Approval.ReviewingIrbId);
        Assert.Equal(atA.Approval.ExpiresOn, atB.Approval.ExpiresOn); // inherits the reviewing IRB's approval period
        // Consent on the version the recognised decision covered, eligibility, then enrollment.
        var ready = await SubjectJourney.ReadyToEnrollAsync(centers.B, busanCoordinator, DemoIds.SiteOncologyBusan);
        using (var enrolled = await SubjectJourney.PostEnrollmentAsync(busanCoordinator, DemoIds.SiteOncologyBusan, ready))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, enrolled.StatusCode); // the site at B can enroll on the recognised approval
        }

        // A redelivered decision (same message id, or republished with a new one) makes no second recognition.
        var original = await SignedDecisionFromOutboxAsync(centers.A, decisionId);
        var bus = centers.A.Services.GetRequiredService<IBus>();
        var observer = new ConsumedMessages();
        var republished = Guid.NewGuid();
        using (centers.B.Services.GetRequiredService<IBus>().ConnectConsumeObserver(observer))
        {
            await bus.Publish(original.Message, ctx => ctx.MessageId = original.MessageId);
            await bus.Publish(original.Message, ctx => ctx.MessageId = republished);
            await Eventually.Until(() => Task.FromResult(observer.Completed(original.MessageId) + observer.Completed(republished)),
                n => n == 2, "B to consume both redeliveries");
        }

        Assert.Single(await IrbSteps.RecognitionsAsync(centers.B, decisionId));

        // A's approval period ends: A lapses it and publishes the lapse; B's recognition lapses with it.
        await IrbSteps.LapseExpiredAsync(centers.A, atA.Approval.ExpiresOn.AddDays(1));
        await Eventually.Until(() => IrbSteps.RecognitionsAsync(centers.B, decisionId),
            r => r.Single().Status == RecognitionStatus.Lapsed, "B's recognition to lapse with A's approval");
        var lapsed = await IrbSteps.ApprovalAtAsync(centers.B, DemoIds.InstitutionBusan, Trial, protocolVersion);
        Assert.False(lapsed.InForce);
        Assert.Contains("lapsed", lapsed.Reason, StringComparison.Ordinal);
    }

    [PostgresRabbitFact]
    public async Task Decisions_without_an_agreement_out_of_scope_or_with_a_forged_signature_are_refused_with_the_reason()
    {
        await using var centers = await TwoCenters.StartAsync();

        // No agreement yet.
        var first = await IrbSteps.ApproveAtSeoulAsync(centers.A, Trial, "HB-ONC-301", Guid.NewGuid());
        var noAgreement = Assert.Single(await Eventually.Until(() => IrbSteps.RecognitionsAsync(centers.B, first), r => r.Count == 1, "the first refusal"));
        Assert.Equal(RecognitionStatus.Refused, noAgreement.Status);
        Assert.Equal(RefusalCodes.NoAgreement, noAgreement.RefusalCode);

        // An agreement that covers only another trial.
        await IrbSteps.AgreeAtBusanAsync(centers.B, await IrbSteps.PublicKeyAsync(centers.A, DemoIds.IrbSeoul),
            AgreementScopes.ListedTrials, [DemoIds.TrialCardiology]);
        var second = await IrbSteps.ApproveAtSeoulAsync(centers.A, Trial, "HB-ONC-301", Guid.NewGuid());
        var outOfScope = Assert.Single(await Eventually.Until(() => IrbSteps.RecognitionsAsync(centers.B, second), r => r.Count == 1, "the second refusal"));
        Assert.Equal(RefusalCodes.OutOfScope, outOfScope.RefusalCode);
        Assert.Contains("out of its scope", outOfScope.RefusalReason, StringComparison.Ordinal);

        // A forged decision for a trial Busan takes part in: right shape, signed with a key that is not Seoul's.
        // The signature is checked before the scope, so it is refused as forged, not merely out of scope.
        var forged = Forge(Trial);
        await centers.A.Services.GetRequiredService<IBus>().Publish(forged);
        var refused = Assert.Single(await Eventually.Until(() => IrbSteps.RecognitionsAsync(centers.B, forged.DecisionId), r => r.Count == 1, "the forged decision to be refused"));
        Assert.Equal(RefusalCodes.BadSignature, refused.RefusalCode);
        var alert = Assert.Single(await IrbSteps.AlertsAsync(centers.B));
        Assert.Equal("bad-signature", alert.Kind);
        Assert.Contains(forged.DecisionId.ToString(), alert.Details, StringComparison.Ordinal);
        var forgedVersion = CanonicalJson.Deserialize<SignedIrbDecision>(forged.CanonicalDecision)!.ProtocolVersionId;
        Assert.False((await IrbSteps.ApprovalAtAsync(centers.B, DemoIds.InstitutionBusan, Trial, forgedVersion)).InForce);
    }

    private static IrbDecisionSigned Forge(Guid trialId)
    {
        var payload = CanonicalJson.Serialize(new SignedIrbDecision(1, Guid.NewGuid(), "center-a", DemoIds.IrbSeoul, "Seoul IRB", trialId,
            "HB-ONC-301", Guid.NewGuid(), "1.0", SubmissionTypes.Initial, RiskLevels.Minimal, Decisions.Approved, null,
            DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).AddDays(-1), [], "Mallory", DateTimeOffset.UtcNow));
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = Convert.ToBase64String(attacker.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        var decision = CanonicalJson.Deserialize<SignedIrbDecision>(payload)!;
        return new IrbDecisionSigned(decision.DecisionId, "center-a", DemoIds.IrbSeoul, payload, signature, IrbDecisionSigned.Algorithm, DateTimeOffset.UtcNow);
    }

    private static async Task<(IrbDecisionSigned Message, Guid MessageId)> SignedDecisionFromOutboxAsync(CtmsAppFactory center, Guid decisionId)
    {
        await using var scope = center.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IrbDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type.StartsWith("Ctms.Irb.Contracts.IntegrationEvents.IrbDecisionSigned")).ToListAsync();
        var row = rows.Single(r => ((IrbDecisionSigned)r.Deserialize()).DecisionId == decisionId);
        return ((IrbDecisionSigned)row.Deserialize(), row.Id);
    }
}
