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
}
