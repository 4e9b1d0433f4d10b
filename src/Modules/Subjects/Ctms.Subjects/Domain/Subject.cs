using Ctms.Shared.Audit;

namespace Ctms.Subjects.Domain;

/// <remarks>Regulated: audited, and a change after creation needs a reason for change.</remarks>
internal sealed class Subject : IRequiresReasonForChange
{
    private Subject() { }

    private Subject(Guid id, Guid trialId, Guid siteId, string subjectNumber)
    {
        Id = id;
        TrialId = trialId;
        SiteId = siteId;
        SubjectNumber = subjectNumber;
    }

    public Guid Id { get; private set; }
    public Guid TrialId { get; private set; }
    public Guid SiteId { get; private set; }

    /// <summary>Pseudonymous: site code + sequence, unique and never reused.</summary>
    public string SubjectNumber { get; private set; } = "";

    public string Status { get; private set; } = SubjectStatus.Candidate;
    public DateTimeOffset? EnrolledAt { get; private set; }
    public string? EnrolledBy { get; private set; }
    public int Version { get; private set; }

    public static Subject Enroll(Guid trialId, Guid siteId, string subjectNumber, DateTimeOffset at, string enrolledBy) =>
        new(Guid.NewGuid(), trialId, siteId, subjectNumber)
        {
            Status = SubjectStatus.OnStudy,
            EnrolledAt = at,
            EnrolledBy = enrolledBy,
        };
}
