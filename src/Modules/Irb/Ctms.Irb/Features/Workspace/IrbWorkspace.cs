using Ctms.Irb.Domain;
using Ctms.Irb.Features.Access;
using Ctms.Irb.Features.Signing;
using Ctms.Irb.Persistence;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Features.Workspace;

internal sealed record ApprovalRow(Approval Approval, string Label, bool ExpiresSoon);

internal sealed record IrbHomeView(
    IrbCommittee Irb,
    string PublicKey,
    IReadOnlyList<Submission> Submissions,
    IReadOnlyList<ApprovalRow> Approvals,
    IReadOnlyList<Domain.Recognition> AwaitingLocalReview,
    IReadOnlyList<Domain.Recognition> Refused,
    IReadOnlyList<ApprovalReminder> Reminders);

internal sealed record SubmissionView(Submission Submission, IrbCommittee Irb, IReadOnlyList<IrbMember> Roster, bool CanSign);

/// <summary>The reads behind the IRB pages, each scoped to the IRBs the user sits on.</summary>
internal sealed class IrbWorkspace(IrbDbContext db, ICurrentUser user, IrbKeyRing keys, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<IrbHomeView>>> HomeAsync(CancellationToken cancellationToken = default)
    {
        var ids = user.IrbIds.ToList();
        if (AnyIrbDenied(ids) is { } denied)
        {
            return denied;
        }

        var today = clock.Today();
        var horizon = today.AddDays(90);
        var views = new List<IrbHomeView>();
        foreach (var irb in await db.Committees.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync(cancellationToken))
        {
            var recent = today.AddDays(-90);
            var approvals = await db.Approvals.AsNoTracking().Where(a => a.IrbId == irb.Id && (a.LapsedOn == null || a.LapsedOn >= recent))
                .OrderBy(a => a.ExpiresOn).Take(200).ToListAsync(cancellationToken);
            var approvalIds = approvals.Select(a => a.Id).ToList();
            var rows = await LabelAsync(approvals, horizon, cancellationToken);
            views.Add(new IrbHomeView(
                irb,
                await keys.PublicKeyAsync(irb.Id, cancellationToken),
                await db.Submissions.AsNoTracking().Where(s => s.IrbId == irb.Id).OrderByDescending(s => s.ReceivedAt).Take(200).ToListAsync(cancellationToken),
                rows,
                await db.Recognitions.AsNoTracking().Where(r => r.RelyingIrbId == irb.Id && r.Status == RecognitionStatus.PendingLocalReview)
                    .OrderBy(r => r.ReceivedAt).ToListAsync(cancellationToken),
                await db.Recognitions.AsNoTracking().Where(r => r.RelyingIrbId == irb.Id && r.Status == RecognitionStatus.Refused)
                    .OrderByDescending(r => r.ReceivedAt).Take(50).ToListAsync(cancellationToken),
                await db.Reminders.AsNoTracking().Where(r => approvalIds.Contains(r.ApprovalId)).ToListAsync(cancellationToken)));
        }

        return views;
    }

    /// <summary>"HB-ONC-301 v2.0", from the decision each approval came from (own submission or recognition).</summary>
    private async Task<List<ApprovalRow>> LabelAsync(List<Approval> approvals, DateOnly horizon, CancellationToken cancellationToken)
    {
        var decisionIds = approvals.Select(a => a.DecisionId).Distinct().ToList();
        var labels = (await db.Submissions.AsNoTracking().Where(s => decisionIds.Contains(s.Id))
                .Select(s => new { s.Id, s.ProtocolNumber, s.ProtocolVersion }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, Label: $"{s.ProtocolNumber} v{s.ProtocolVersion}"))
            .Concat((await db.Recognitions.AsNoTracking().Where(r => decisionIds.Contains(r.DecisionId))
                    .Select(r => new { r.DecisionId, r.ProtocolNumber, r.ProtocolVersion }).ToListAsync(cancellationToken))
                .Select(r => (Id: r.DecisionId, Label: $"{r.ProtocolNumber} v{r.ProtocolVersion}")))
            .GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().Label);
        return approvals.Select(a => new ApprovalRow(a, labels.GetValueOrDefault(a.DecisionId, a.ProtocolVersionId.ToString()),
            a.LapsedOn is null && a.ExpiresOn <= horizon)).ToList();
    }

    public async Task<Result<SubmissionView>> SubmissionAsync(Guid submissionId, CancellationToken cancellationToken = default)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            return Error.NotFound("The submission");
        }

        if (IrbAccess.Member(user, submission.IrbId) is { } denied)
        {
            return denied;
        }

        var irb = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == submission.IrbId, cancellationToken);
        var roster = await db.Members.AsNoTracking().Where(m => m.IrbId == irb.Id).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return new SubmissionView(submission, irb, roster, IrbAccess.Chair(user, irb.Id) is null);
    }

    public async Task<Result<Domain.Recognition>> RecognitionAsync(Guid recognitionId, CancellationToken cancellationToken = default)
    {
        var recognition = await db.Recognitions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recognitionId, cancellationToken);
        if (recognition is null)
        {
            return Error.NotFound("The recognition");
        }

        return IrbAccess.Member(user, recognition.RelyingIrbId) is { } denied ? denied : recognition;
    }

    public async Task<Result<IReadOnlyList<Agreement>>> AgreementsAsync(CancellationToken cancellationToken = default)
    {
        var ids = user.IrbIds;
        if (AnyIrbDenied(ids) is { } denied)
        {
            return denied;
        }

        return (await db.Agreements.AsNoTracking().ToListAsync(cancellationToken))
            .Where(a => a.Parties.Any(p => ids.Contains(p.IrbId)))
            .OrderByDescending(a => a.ValidFrom)
            .ToList();
    }

    private Error? AnyIrbDenied(IReadOnlyCollection<Guid> ids) =>
        ids.Count == 0
            ? Error.Forbidden("You are not a member of any IRB yet. Ask an administrator to assign one.")
            : ids.Select(id => IrbAccess.Member(user, id)).FirstOrDefault(e => e is not null);

    /// <summary>The trials whose IRB of record is <paramref name="irbId"/>, for a member of it.</summary>
    public async Task<IReadOnlyList<Guid>> TrialsOfRecordAsync(Guid irbId, CancellationToken cancellationToken = default) =>
        IrbAccess.Member(user, irbId) is not null
            ? []
            : await db.IrbsOfRecord.AsNoTracking().Where(r => r.IrbId == irbId).Select(r => r.TrialId).ToListAsync(cancellationToken);

    /// <summary>Security alerts (e.g. decisions whose signature failed), for administrators.</summary>
    public async Task<Result<IReadOnlyList<SecurityAlert>>> AlertsAsync(CancellationToken cancellationToken = default) =>
        user.IsInRole(CtmsRoles.Administrator)
            ? await db.SecurityAlerts.AsNoTracking().OrderByDescending(a => a.At).Take(200).ToListAsync(cancellationToken)
            : Error.Forbidden("Only administrators see security alerts.");
}
