using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Features.Access;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Features.Common;

internal sealed record SubjectAtSite(SiteSummary Site, TrialSummary Trial, Subject Subject);

/// <summary>
/// The first steps of every subject command: the caller's site scope, the site and its trial, and the subject by its
/// number at that site, tracked in a fresh change tracker (circuit-scoped contexts live long).
/// </summary>
internal sealed class SubjectLoader(SubjectsDbContext db, ISitesQueries sites, ITrialsQueries trials, ICurrentUser user)
{
    public async Task<Result<(SiteSummary Site, TrialSummary Trial)>> SiteAsync(Guid siteId, CancellationToken cancellationToken)
    {
        if (SiteStaffAccess.Check(user, siteId) is { } denied)
        {
            return denied;
        }

        db.ChangeTracker.Clear();
        var site = await sites.GetAsync(siteId, cancellationToken);
        var trial = site is null ? null : await trials.GetAsync(site.TrialId, cancellationToken);
        if (site is null || trial is null)
        {
            return Error.NotFound("The site");
        }

        return (site, trial);
    }

    public async Task<Result<SubjectAtSite>> SubjectAsync(Guid siteId, string subjectNumber, CancellationToken cancellationToken)
    {
        var found = await SiteAsync(siteId, cancellationToken);
        if (found.IsFailure)
        {
            return Result<SubjectAtSite>.FromErrors(found.Errors);
        }

        var number = subjectNumber.Trim();
        var subject = await db.Subjects.SingleOrDefaultAsync(s => s.SiteId == siteId && s.SubjectNumber == number, cancellationToken);
        return subject is null
            ? Error.NotFound($"Subject {number} at site {found.Value.Site.Code}")
            : new SubjectAtSite(found.Value.Site, found.Value.Trial, subject);
    }

    public string Actor => user.UserId ?? user.DisplayName;
}
