using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Persistence;

namespace Ctms.Subjects.Features.Visits;

internal static class VisitRules
{
    /// <summary>Visits are worked only for enrolled subjects, on a visit of their schedule; a pending re-consent blocks new procedures.</summary>
    public static List<Error> CanWork(Subject subject, Visit? visit, string visitName, bool reconsentBlocks = true)
    {
        var errors = new List<Error>();
        if (subject.Status is not (SubjectStatus.OnStudy or SubjectStatus.FollowUp))
        {
            errors.Add(Error.Rule("not-on-study", $"Subject {subject.SubjectNumber} is '{subject.Status}': visits are recorded only for enrolled subjects."));
        }

        if (visit is null)
        {
            errors.Add(Error.Validation("visitName", $"\"{visitName}\" is not a scheduled visit of {subject.SubjectNumber}."));
        }

        if (reconsentBlocks && subject.ReconsentRequired)
        {
            errors.Add(Error.Rule("reconsent-required",
                $"Subject {subject.SubjectNumber} must sign {subject.ReconsentVersionLabel} before further study procedures."));
        }

        return errors;
    }

    /// <summary>When no visit is still planned the subject completed the study: off-study.</summary>
    public static bool CompleteIfDone(SubjectsDbContext db, Subject subject, IReadOnlyList<Visit> visits, DateOnly on, DateTimeOffset now)
    {
        if (visits.Count == 0 || visits.Any(v => v.IsPlanned) || visits.All(v => v.Status != VisitStatus.Occurred))
        {
            return false;
        }

        var oldStatus = subject.Status;
        if (subject.Complete(on) is not null)
        {
            return false;
        }

        db.AddIntegrationEvent(new SubjectCompleted(subject.Id, subject.TrialId, subject.SiteId, subject.SubjectNumber, on, now), now);
        db.StatusChanged(subject, oldStatus, now);
        return true;
    }
}
