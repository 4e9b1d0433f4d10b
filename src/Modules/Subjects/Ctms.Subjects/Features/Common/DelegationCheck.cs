using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Sites.Contracts;

namespace Ctms.Subjects.Features.Common;

/// <summary>
/// The PI's delegation log decides who may do what at a site (ICH E6(R3) 2.3): consent needs informed-consent;
/// eligibility and enrollment need eligibility-assessment. See ADR "subjects-delegated-tasks".
/// </summary>
internal static class DelegationCheck
{
    public const string InformedConsent = "informed-consent";
    public const string EligibilityAssessment = "eligibility-assessment";

    public static async Task<Error?> CheckAsync(ISitesQueries sites, ICurrentUser user, SiteSummary site, string responsibility, DateOnly on,
        CancellationToken cancellationToken)
    {
        if (user.UserId is { } userId && await sites.CanPerformAsync(userId, site.Id, responsibility, on, cancellationToken))
        {
            return null;
        }

        return Error.Rule("not-delegated",
            $"{user.DisplayName} is not delegated '{responsibility}' at site {site.Code} on {on:yyyy-MM-dd}: " +
            "the PI-signed delegation log entry and current GCP training are needed.");
    }
}
