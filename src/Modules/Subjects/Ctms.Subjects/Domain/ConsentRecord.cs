using Ctms.Shared.Audit;

namespace Ctms.Subjects.Domain;

/// <summary>One signature of a consent version by a subject: the consent history.</summary>
internal sealed class ConsentRecord : IAuditable
{
    private ConsentRecord() { }

    public ConsentRecord(Guid subjectId, Guid consentVersionId, string label, DateOnly signedOn, bool reconsent, DateTimeOffset recordedAt, string recordedBy)
    {
        Id = Guid.NewGuid();
        SubjectId = subjectId;
        ConsentVersionId = consentVersionId;
        Label = label;
        SignedOn = signedOn;
        Reconsent = reconsent;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ConsentVersionId { get; private set; }

    /// <summary>"Participant information and consent form 1.0 (en)".</summary>
    public string Label { get; private set; } = "";

    public DateOnly SignedOn { get; private set; }
    public bool Reconsent { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
}
