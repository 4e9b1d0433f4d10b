using Ctms.Irb.Contracts;
using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Signing;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Persistence;

internal sealed class IrbQueries(IrbDbContext db) : IIrbQueries
{
    public async Task<IReadOnlyList<IrbSummary>> ListAsync(IReadOnlyCollection<Guid> irbIds, CancellationToken cancellationToken = default) =>
        await db.Committees.AsNoTracking().Where(c => irbIds.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new IrbSummary(c.Id, c.InstitutionId, c.Name)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ApprovalRecord>> ListApprovalsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        (await db.Approvals.AsNoTracking().Where(a => a.TrialId == trialId).ToListAsync(cancellationToken))
            .OrderBy(a => a.ExpiresOn)
            .Select(a => new ApprovalRecord(a.Id, a.IrbId, a.IrbName, a.Recognised, a.ReviewingIrbId, a.TrialId, a.ProtocolVersionId,
                a.InstitutionIds.ToList(), a.ApprovedOn, a.ExpiresOn, a.LapsedOn, a.LapseReason))
            .ToList();

    public async Task<ApprovalStatus> ApprovalInForceAsync(Guid institutionId, Guid trialId, Guid protocolVersionId, DateOnly date,
        CancellationToken cancellationToken = default)
    {
        var approvals = (await db.Approvals.AsNoTracking()
                .Where(a => a.TrialId == trialId && a.ProtocolVersionId == protocolVersionId)
                .ToListAsync(cancellationToken))
            .Where(a => a.InstitutionIds.Contains(institutionId))
            .OrderByDescending(a => a.ExpiresOn)
            .ToList();

        if (approvals.FirstOrDefault(a => a.InForceOn(date)) is { } inForce)
        {
            return new ApprovalStatus(true, new ApprovalInForce(inForce.Id, inForce.IrbId, inForce.IrbName, inForce.Recognised,
                inForce.ReviewingIrbId, inForce.ApprovedOn, inForce.ExpiresOn), null);
        }

        if (approvals.FirstOrDefault() is { } latest)
        {
            return ApprovalStatus.None(latest.LapsedOn is { } lapsed
                ? $"The IRB approval lapsed on {lapsed:yyyy-MM-dd}: {latest.LapseReason}"
                : latest.ApprovedOn > date
                    ? $"The IRB approval takes effect on {latest.ApprovedOn:yyyy-MM-dd}."
                    : $"The IRB approval expired on {latest.ExpiresOn:yyyy-MM-dd}; continuing review is overdue.");
        }

        var pending = await db.Recognitions.AsNoTracking().AnyAsync(r =>
            r.TrialId == trialId && r.ProtocolVersionId == protocolVersionId && r.Status == RecognitionStatus.PendingLocalReview, cancellationToken);
        return ApprovalStatus.None(pending
            ? "A recognition of the reviewing IRB's approval awaits the local-context review of this institution's IRB."
            : "No IRB approval (own or recognised) is recorded for this protocol version at this institution.");
    }

    public async Task<bool> ConsentApprovedAsync(Guid institutionId, Guid trialId, Guid consentVersionId, DateOnly date,
        CancellationToken cancellationToken = default)
    {
        var decisionIds = (await db.Approvals.AsNoTracking().Where(a => a.TrialId == trialId).ToListAsync(cancellationToken))
            .Where(a => a.InstitutionIds.Contains(institutionId) && a.InForceOn(date))
            .Select(a => a.DecisionId)
            .ToList();
        if (decisionIds.Count == 0)
        {
            return false;
        }

        // An own approval's decision is a local submission; a recognised one names the reviewing IRB's signed decision.
        if (await db.Submissions.AsNoTracking().AnyAsync(s => decisionIds.Contains(s.Id) &&
                s.Documents.Any(d => d.Kind == "consent" && d.ReferenceId == consentVersionId), cancellationToken))
        {
            return true;
        }

        var recognised = await db.Recognitions.AsNoTracking().Where(r => decisionIds.Contains(r.DecisionId))
            .Select(r => r.CanonicalDecision).ToListAsync(cancellationToken);
        return recognised.Any(canonical => CanonicalJson.Deserialize<SignedIrbDecision>(canonical)?.ConsentVersionIds.Contains(consentVersionId) == true);
    }

    /// <summary>The consent versions a decision covered, for <see cref="IrbApprovalGranted"/>.</summary>
    internal static IReadOnlyList<Guid> ConsentVersionsOf(Submission submission) =>
        submission.Documents.Where(d => d.Kind == "consent").Select(d => d.ReferenceId).ToList();
}
