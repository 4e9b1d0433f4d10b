using Ctms.Irb.Contracts;
using Ctms.Shared.Results;
using Ctms.Sites.Contracts;
using Ctms.Trials.Contracts;

namespace Ctms.Subjects.Domain.Rules;

/// <summary>
/// What must hold before a subject is enrolled. Every refusal names what is missing; all are reported at once.
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
                errors.Add(SiteTargetReached(site));
            }

            if (trialEnrolled >= trial.TargetEnrollment)
            {
                errors.Add(TrialTargetReached(trial));
            }
        }

        return errors;
    }

    public static Error SiteTargetReached(SiteSummary site) =>
        Error.Rule("site-target-reached", $"Site {site.Code} has reached its enrollment target of {site.TargetEnrollment}.");

    public static Error TrialTargetReached(TrialSummary trial) =>
        Error.Rule("trial-target-reached", $"Trial {trial.ProtocolNumber} has reached its overall enrollment target of {trial.TargetEnrollment}.");

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

    /// <summary>The subject's own preconditions: consent on an approved version, no pending re-consent, eligibility confirmed.</summary>
    public static IReadOnlyList<Error> SubjectReady(Subject subject, bool consentApproved)
    {
        var errors = new List<Error>();
        if (subject.ConsentVersionId is null)
        {
            errors.Add(Error.Rule("consent-missing", $"Subject {subject.SubjectNumber} has not signed consent."));
        }
        else if (!consentApproved)
        {
            errors.Add(Error.Rule("consent-not-approved",
                $"Consent {subject.ConsentVersionLabel} signed by {subject.SubjectNumber} is not on a version IRB approved at the site today."));
        }

        if (subject.ReconsentRequired)
        {
            errors.Add(Error.Rule("reconsent-required", $"Subject {subject.SubjectNumber} must first sign {subject.ReconsentVersionLabel}."));
        }

        if (subject.Status == SubjectStatus.Screening)
        {
            errors.Add(Error.Rule("not-eligible", $"Subject {subject.SubjectNumber} has no eligibility assessment confirming eligibility yet."));
        }
        else if (subject.Status != SubjectStatus.Eligible)
        {
            errors.Add(Error.Rule("illegal-transition", $"Subject {subject.SubjectNumber} is '{subject.Status}' and cannot become '{SubjectStatus.OnStudy}'."));
        }

        return errors;
    }
}
