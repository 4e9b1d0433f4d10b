using Ctms.Irb.Contracts;
using Ctms.Shared.Results;
using Ctms.Sites.Contracts;
using Ctms.Trials.Contracts;

namespace Ctms.Subjects.Domain.Rules;

/// <summary>
/// What must hold before a subject is enrolled. Every refusal names what is missing; all are reported at once.
/// (IRB approval, delegation, consent and eligibility join these with the subjects and IRB issues.)
/// </summary>
internal static class EnrollmentRules
{
    public static IReadOnlyList<Error> Check(SiteSummary site, TrialSummary trial, int siteEnrolled, int trialEnrolled)
    {
        var errors = new List<Error>();
        if (!trial.IsRecruiting)
        {
            errors.Add(Error.Rule("trial-not-recruiting", $"Trial {trial.ProtocolNumber} is '{trial.Status}', not active: it is not recruiting."));
        }

        if (!site.IsActive)
        {
            errors.Add(Error.Rule("site-not-active", $"Site {site.Code} is '{site.Status}', not active."));
        }

        if (!trial.AllowOverEnrollment)
        {
            if (siteEnrolled >= site.TargetEnrollment)
            {
                errors.Add(Error.Rule("site-target-reached", $"Site {site.Code} has reached its enrollment target of {site.TargetEnrollment}."));
            }

            if (trialEnrolled >= trial.TargetEnrollment)
            {
                errors.Add(Error.Rule("trial-target-reached", $"Trial {trial.ProtocolNumber} has reached its overall enrollment target of {trial.TargetEnrollment}."));
            }
        }

        return errors;
    }

    /// <summary>
    /// Enrollment needs an IRB approval (own or recognised) in force at the site's institution for the trial's
    /// current protocol version (DOMAIN: a version is effective at a site only once its IRB approved or recognised it).
    /// </summary>
    public static Error? IrbApproval(SiteSummary site, ProtocolVersionSummary? currentVersion, ApprovalStatus? approval)
    {
        if (currentVersion is null)
        {
            return Error.Rule("no-protocol-version", "The trial has no submitted protocol version, so nothing can be in force at the site.");
        }

        return approval is { InForce: true }
            ? null
            : Error.Rule("irb-approval-missing",
                $"No IRB approval (own or recognised) is in force at {site.InstitutionName} for protocol version {currentVersion.Version}: " +
                (approval?.Reason ?? "none is recorded."));
    }
}
