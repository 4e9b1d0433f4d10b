using Ctms.Shared.Results;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Domain.Rules;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Features.EnrollSubject;

/// <summary>
/// The site and trial enrollment counters of one enrollment. <see cref="CountAsync"/> raises each with one conditional
/// UPDATE (<c>Enrolled = Enrolled + 1 WHERE Enrolled &lt; target</c>) in the caller's transaction: the database locks the
/// row, re-evaluates the condition on the latest committed count, and a racing enrollment waits for the lock instead of
/// failing on a stale concurrency token. The counters' <c>Version</c> is left alone, so screening, which numbers subjects
/// from the same site row under that token, does not conflict with enrollments either.
/// </summary>
internal sealed class EnrollmentCounting(SubjectsDbContext db, SiteSummary site, TrialSummary trial)
{
    /// <summary>The counts as committed now (null: no counter row yet), for the early refusal with every reason.</summary>
    public async Task<(int? Site, int? Trial)> ReadAsync(CancellationToken cancellationToken)
    {
        var siteEnrolled = await db.SiteCounters.AsNoTracking().Where(c => c.SiteId == site.Id)
            .Select(c => (int?)c.Enrolled).SingleOrDefaultAsync(cancellationToken);
        var trialEnrolled = await db.TrialCounters.AsNoTracking().Where(c => c.TrialId == trial.Id)
            .Select(c => (int?)c.Enrolled).SingleOrDefaultAsync(cancellationToken);
        return (siteEnrolled, trialEnrolled);
    }

    /// <summary>
    /// Creates missing counter rows at zero, outside the enrollment's transaction (a row at zero counts nothing). When a
    /// racing enrollment creates the same row first, its key refuses ours, and that row serves both.
    /// </summary>
    public async Task EnsureCountersAsync(bool siteMissing, bool trialMissing, CancellationToken cancellationToken)
    {
        if (siteMissing)
        {
            await CreateAsync(new SiteEnrollmentCounter(site.Id, trial.Id), cancellationToken);
        }

        if (trialMissing)
        {
            await CreateAsync(new TrialEnrollmentCounter(trial.Id), cancellationToken);
        }
    }

    /// <summary>Counts the enrollment at the site and in the trial; the targets it would pass, if any (then nothing may be committed).</summary>
    public async Task<IReadOnlyList<Error>> CountAsync(CancellationToken cancellationToken)
    {
        var capped = !trial.AllowOverEnrollment;
        var siteTarget = site.TargetEnrollment;
        var trialTarget = trial.TargetEnrollment;
        var siteCounted = await db.SiteCounters
            .Where(c => c.SiteId == site.Id && (!capped || c.Enrolled < siteTarget))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Enrolled, c => c.Enrolled + 1), cancellationToken);
        var trialCounted = await db.TrialCounters
            .Where(c => c.TrialId == trial.Id && (!capped || c.Enrolled < trialTarget))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Enrolled, c => c.Enrolled + 1), cancellationToken);

        var reached = new List<Error>();
        if (siteCounted == 0)
        {
            reached.Add(EnrollmentRules.SiteTargetReached(site));
        }

        if (trialCounted == 0)
        {
            reached.Add(EnrollmentRules.TrialTargetReached(trial));
        }

        return reached;
    }

    private async Task CreateAsync<TCounter>(TCounter counter, CancellationToken cancellationToken)
        where TCounter : class
    {
        var entry = db.Add(counter);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            entry.State = EntityState.Detached;
            // Created by a racing enrollment (or screening) in the meantime: the key kept one row, and it serves both.
            if (!await ExistsAsync(counter, cancellationToken))
            {
                throw;
            }
        }

        entry.State = EntityState.Detached;
    }

    private Task<bool> ExistsAsync(object counter, CancellationToken cancellationToken) => counter switch
    {
        SiteEnrollmentCounter => db.SiteCounters.AnyAsync(c => c.SiteId == site.Id, cancellationToken),
        _ => db.TrialCounters.AnyAsync(c => c.TrialId == trial.Id, cancellationToken),
    };
}
