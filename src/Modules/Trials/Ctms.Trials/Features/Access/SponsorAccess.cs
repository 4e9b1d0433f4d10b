using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Trials.Domain;
using Ctms.Trials.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Trials.Features.Access;

/// <summary>
/// Sponsor users and administrators act only on their own tenant's trials; every handler asks this. A trial of
/// another tenant is answered as not found, so its existence is not disclosed.
/// </summary>
internal static class SponsorAccess
{
    public static Error? Check(ICurrentUser user)
    {
        if (!user.IsAuthenticated)
        {
            return Error.Forbidden("Sign in to work with trials.");
        }

        if (!user.ActsForSponsor())
        {
            return Error.Forbidden("Only sponsor users and administrators manage trials.");
        }

        return string.IsNullOrEmpty(user.TenantId) ? Error.Forbidden("Your account belongs to no sponsor organisation.") : null;
    }

    public static async Task<Result<Trial>> LoadTrialAsync(TrialsDbContext db, ICurrentUser user, Guid trialId, CancellationToken cancellationToken)
    {
        if (Check(user) is { } denied)
        {
            return denied;
        }

        // A circuit keeps its scope (and context) for as long as the page is open: start from the database, not the tracker.
        db.ChangeTracker.Clear();
        var trial = await db.Trials.SingleOrDefaultAsync(t => t.Id == trialId && t.TenantId == user.TenantId, cancellationToken);
        return trial is null ? Error.NotFound("The trial") : trial;
    }

    public static async Task<Result<(Trial Trial, ProtocolVersion Version)>> LoadVersionAsync(TrialsDbContext db, ICurrentUser user, Guid protocolVersionId,
        CancellationToken cancellationToken)
    {
        if (Check(user) is { } denied)
        {
            return denied;
        }

        db.ChangeTracker.Clear();
        var version = await db.ProtocolVersions.SingleOrDefaultAsync(p => p.Id == protocolVersionId, cancellationToken);
        var trial = version is null ? null
            : await db.Trials.SingleOrDefaultAsync(t => t.Id == version.TrialId && t.TenantId == user.TenantId, cancellationToken);
        return version is null || trial is null ? Error.NotFound("The protocol version") : (trial, version);
    }
}
