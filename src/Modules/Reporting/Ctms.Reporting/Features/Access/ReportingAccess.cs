using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Trials.Contracts;

namespace Ctms.Reporting.Features.Access;

/// <summary>
/// Reporting is the sponsor organisation's: its sponsor users and administrators, for its own trials. Another tenant's
/// trial is answered as not found, so its existence is not disclosed.
/// </summary>
internal static class ReportingAccess
{
    public static Error? Check(ICurrentUser user) =>
        !user.ActsForSponsor()
            ? Error.Forbidden("Only sponsor users and administrators see reporting.")
            : string.IsNullOrEmpty(user.TenantId) ? Error.Forbidden("Your account is not linked to a sponsor organisation.") : null;

    public static async Task<Result<TrialSummary>> TrialAsync(ICurrentUser user, ITrialsQueries trials, Guid trialId, CancellationToken ct)
    {
        if (Check(user) is { } denied)
        {
            return denied;
        }

        var trial = await trials.GetAsync(trialId, ct);
        return trial is null || !user.IsSponsorOf(trial.TenantId) ? Error.NotFound("The trial") : trial;
    }
}
