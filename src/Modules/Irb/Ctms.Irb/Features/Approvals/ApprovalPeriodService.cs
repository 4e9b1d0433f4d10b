using Ctms.Irb.Domain;
using Ctms.Irb.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Features.Approvals;

/// <summary>
/// The approval period a newly signed approval gets: a new one from the approval date for initial and continuing
/// review; for an amendment, the period of the approval already in force for the trial at this IRB (amendments do
/// not move the expiry date).
/// </summary>
internal sealed class ApprovalPeriodService(IrbDbContext db)
{
    public async Task<(DateOnly ApprovedOn, DateOnly ExpiresOn)> ForAsync(Submission submission, DateOnly signedOn, CancellationToken cancellationToken)
    {
        if (submission.Type == SubmissionTypes.Amendment)
        {
            var current = (await db.Approvals.AsNoTracking()
                    .Where(a => a.IrbId == submission.IrbId && a.TrialId == submission.TrialId && !a.Recognised && a.LapsedOn == null)
                    .ToListAsync(cancellationToken))
                .Where(a => a.InForceOn(signedOn))
                .MaxBy(a => a.ExpiresOn);
            if (current is not null)
            {
                return (signedOn, current.ExpiresOn);
            }
        }

        return (signedOn, ApprovalPeriod.ExpiresOn(signedOn, submission.ContinuingReviewMonths));
    }
}
