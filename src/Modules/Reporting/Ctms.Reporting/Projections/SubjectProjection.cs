using Ctms.Reporting.Domain;
using Ctms.Reporting.Persistence;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Projections;

/// <summary>
/// Subject lifecycle events → <see cref="SubjectFact"/>. Each event sets the fields it owns, so applying one twice, or
/// in another order than published, leaves the same row.
/// </summary>
internal sealed class SubjectProjection(ReportingDbContext db)
{
    public async Task ApplyAsync(SubjectScreened e, CancellationToken ct) =>
        (await RowAsync(e.SubjectId, e.TrialId, e.SiteId, e.SubjectNumber, ct)).ScreenedOn = e.ScreenedOn;

    public async Task ApplyAsync(ConsentSigned e, CancellationToken ct)
    {
        var row = await RowAsync(e.SubjectId, e.TrialId, e.SiteId, e.SubjectNumber, ct);
        // The first consent is the one that counts as "consented"; a re-consent does not move it.
        if (row.ConsentedOn is null || (!e.Reconsent && e.SignedOn < row.ConsentedOn))
        {
            row.ConsentedOn = e.SignedOn;
        }
    }

    public async Task ApplyAsync(EligibilityAssessed e, CancellationToken ct) =>
        (await RowAsync(e.SubjectId, e.TrialId, e.SiteId, e.SubjectNumber, ct)).SetEligibility(e.Eligible, e.Reasons, e.OccurredAt);

    public async Task ApplyAsync(SubjectEnrolled e, CancellationToken ct) =>
        (await RowAsync(e.SubjectId, e.TrialId, e.SiteId, e.SubjectNumber, ct)).SetEnrolled(e.EnrolledAt);

    public async Task ApplyAsync(SubjectRandomized e, CancellationToken ct) =>
        (await RowAsync(e.SubjectId, e.TrialId, e.SiteId, e.SubjectNumber, ct)).SetArm(e.ArmId, e.ArmName);

    public async Task ApplyAsync(SubjectStatusChanged e, CancellationToken ct) =>
        (await RowAsync(e.SubjectId, e.TrialId, e.SiteId, e.SubjectNumber, ct)).SetStatus(e.NewStatus, e.OccurredAt);

    public async Task ApplyAsync(SubjectWithdrawn e, CancellationToken ct)
    {
        var row = await RowAsync(e.SubjectId, e.TrialId, e.SiteId, e.SubjectNumber, ct);
        row.WithdrawnOn = e.WithdrawnOn;
        row.WithdrawalReason = e.Reason;
        // Subjects makes the planned visits not-applicable without a visit event of their own.
        foreach (var visit in await db.Visits.Where(v => v.SubjectId == e.SubjectId && v.Status == VisitFact.Planned).ToListAsync(ct))
        {
            visit.MarkNotApplicable();
        }
    }

    public async Task ApplyAsync(SubjectCompleted e, CancellationToken ct)
    {
        var row = await RowAsync(e.SubjectId, e.TrialId, e.SiteId, e.SubjectNumber, ct);
        row.Completed = true;
        row.CompletedOn = e.CompletedOn;
    }

    private async Task<SubjectFact> RowAsync(Guid subjectId, Guid trialId, Guid siteId, string subjectNumber, CancellationToken ct)
    {
        Require.Ids(subjectId, trialId, siteId);
        Require.Text(subjectNumber, "subject number");
        // Another event of the same new subject may be creating the row right now, on another endpoint.
        return await FirstInsert.RowAsync(db, new SubjectFact(subjectId, trialId, siteId, subjectNumber), ct);
    }
}
