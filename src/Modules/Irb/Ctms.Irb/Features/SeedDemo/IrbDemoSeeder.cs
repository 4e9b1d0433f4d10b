using Ctms.Identity.Contracts;
using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Signing;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Ctms.Shared.Signatures;
using Ctms.Shared.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Ctms.Irb.Features.SeedDemo;

/// <summary>
/// Two IRBs (one per demo institution) with their rosters from the demo users, each with its signing key, and the
/// Seoul IRB as IRB of record of both demo trials. So that the demo sites can enroll, the Seoul IRB's approval of
/// protocol 1.0 of both trials is on record, and the Busan IRB has recognised the oncology approval under a
/// reliance agreement. These seeded signatures say "(demo seed)": nobody signed them in this system.
/// Runs after the Trials seed (protocol versions) and the Identity seed (users).
/// </summary>
internal sealed class IrbDemoSeeder(IrbDbContext db, IIdentityQueries people, IrbKeyRing keys, MessagingSettings messaging, IConfiguration configuration,
    TimeProvider clock) : IDemoSeeder
{
    public int Order => 50;

    private static readonly (Guid Irb, string Email, string Role)[] Roster =
    [
        (DemoIds.IrbSeoul, "irb.chair@demo.ctms", MemberRoles.Chair),
        (DemoIds.IrbSeoul, "irb.member@demo.ctms", MemberRoles.Member),
        (DemoIds.IrbBusan, "irb.chair.busan@demo.ctms", MemberRoles.Chair),
        (DemoIds.IrbBusan, "irb.member.busan@demo.ctms", MemberRoles.Member),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Committees.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        IrbCommittee[] committees =
        [
            new(DemoIds.IrbSeoul, DemoIds.InstitutionSeoul, "Seoul National Medical Center IRB (demo)"),
            new(DemoIds.IrbBusan, DemoIds.InstitutionBusan, "Busan University Hospital IRB (demo)"),
        ];
        foreach (var committee in committees)
        {
            db.Committees.Add(committee);
            db.AddIntegrationEvent(new IrbRegistered(committee.Id, committee.InstitutionId, committee.Name, now), now);
        }

        foreach (var (irb, email, role) in Roster)
        {
            if (await people.FindByEmailAsync(email, cancellationToken) is { } person)
            {
                db.Members.Add(new IrbMember(irb, person.UserId, person.DisplayName, role));
            }
        }

        db.IrbsOfRecord.Add(new TrialIrbOfRecord(DemoIds.TrialOncology, DemoIds.IrbSeoul));
        db.IrbsOfRecord.Add(new TrialIrbOfRecord(DemoIds.TrialCardiology, DemoIds.IrbSeoul));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var committee in committees)
        {
            await keys.PublicKeyAsync(committee.Id, cancellationToken);
        }

        // Seed:DemoIrbApprovals=false leaves the demo sites without approvals (tests that grant them through the real flow).
        if (!string.Equals(configuration["Seed:DemoIrbApprovals"], "false", StringComparison.OrdinalIgnoreCase))
        {
            await SeedApprovalsAsync(committees[0], committees[1], cancellationToken);
        }
    }

    private async Task SeedApprovalsAsync(IrbCommittee seoul, IrbCommittee busan, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var expires = ApprovalPeriod.ExpiresOn(today);
        var agreement = new Agreement("Seoul–Busan mutual recognition (demo)", AgreementScopes.All, [], today.AddDays(-30), null,
        [
            new AgreementParty(seoul.Id, seoul.Name, messaging.CenterId, await keys.PublicKeyAsync(seoul.Id, cancellationToken)),
            new AgreementParty(busan.Id, busan.Name, messaging.CenterId, await keys.PublicKeyAsync(busan.Id, cancellationToken)),
        ]);
        agreement.Sign(Seeded("Bae IRB Chair", agreement.Content(), now));
        db.Agreements.Add(agreement);

        foreach (var (trialId, number, version, english, korean) in new[]
                 {
                     (DemoIds.TrialOncology, "HB-ONC-301", DemoIds.ProtocolOncologyV1, DemoIds.ConsentOncologyV1English, DemoIds.ConsentOncologyV1Korean),
                     (DemoIds.TrialCardiology, "HB-CV-201", DemoIds.ProtocolCardiologyV1, DemoIds.ConsentCardiologyV1English, DemoIds.ConsentCardiologyV1Korean),
                 })
        {
            // The consent forms were part of the initial submission, so subjects can consent on the approved versions.
            var submission = new Submission(seoul.Id, trialId, number, version, "1.0", SubmissionTypes.Initial, RiskLevels.GreaterThanMinimal, now,
            [
                new SubmissionDocument("protocol", version, $"Protocol {number}", "1.0", null),
                new SubmissionDocument("consent", english, "Participant information and consent form", "1.0", "en"),
                new SubmissionDocument("consent", korean, "Participant information and consent form", "1.0", "ko"),
            ]);
            submission.ChooseReviewPath(ReviewPaths.Expedited, ApprovalPeriod.DefaultMonths);
            submission.RecordDecision(Decisions.Approved, null, Roster.Count(r => r.Irb == seoul.Id), now);
            submission.Sign(Seeded("Iris IRB Chair", submission.DecisionContent(), now), today, expires);
            db.Submissions.Add(submission);
            AddApproval(new Approval(seoul.Id, seoul.Name, seoul.Id, false, submission.Id, trialId, version, [DemoIds.InstitutionSeoul], today, expires), [english, korean], now);

            if (trialId != DemoIds.TrialOncology)
            {
                continue; // the cardiology trial has no site in Busan
            }

            var decision = new SignedIrbDecision(1, submission.Id, messaging.CenterId, seoul.Id, seoul.Name, trialId, number, version, "1.0",
                submission.Type, submission.RiskLevel, Decisions.Approved, null, today, expires, [english, korean], "Iris IRB Chair (demo seed)", now);
            var recognition = Domain.Recognition.Pending(agreement.Id, busan.Id, decision, CanonicalJson.Serialize(decision), now);
            recognition.RecordChecklist(true, true, true, true, true, "Seeded demo recognition.");
            var recognised = new Approval(busan.Id, busan.Name, seoul.Id, true, submission.Id, trialId, version, [DemoIds.InstitutionBusan], today, expires);
            recognition.TakeEffect(Seeded("Bae IRB Chair", recognition.LocalReviewContent(), now), recognised.Id);
            db.Recognitions.Add(recognition);
            AddApproval(recognised, [english, korean], now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddApproval(Approval approval, IReadOnlyList<Guid> consentVersionIds, DateTimeOffset now)
    {
        db.Approvals.Add(approval);
        db.AddIntegrationEvent(new IrbApprovalGranted(approval.Id, approval.IrbId, approval.InstitutionIds, approval.TrialId,
            approval.ProtocolVersionId, approval.Recognised, approval.ApprovedOn, approval.ExpiresOn, now) { ConsentVersionIds = consentVersionIds }, now);
    }

    private static SignatureManifestation Seeded(string name, string content, DateTimeOffset at) =>
        new(Guid.NewGuid(), "demo-seed", $"{name} (demo seed)", at, SignatureMeaning.Approval, SignatureHash.Of(content));
}
