using Ctms.Shared.Audit;

namespace Ctms.Trials.Domain;

internal sealed class Trial : IAuditable
{
    private Trial() { }

    public Trial(Guid id, string tenantId, string protocolNumber, string title, string phase, int targetEnrollment, DateTimeOffset registeredAt)
    {
        if (targetEnrollment <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(targetEnrollment), "A trial's target enrollment must be positive.");
        }

        Id = id;
        TenantId = tenantId;
        ProtocolNumber = protocolNumber;
        Title = title;
        Phase = phase;
        TargetEnrollment = targetEnrollment;
        Status = TrialStatus.InReview;
        RegisteredAt = registeredAt;
    }

    public Guid Id { get; private set; }
    public string TenantId { get; private set; } = "";
    public string ProtocolNumber { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Phase { get; private set; } = "";
    public string Status { get; private set; } = TrialStatus.InReview;
    public int TargetEnrollment { get; private set; }
    public bool AllowOverEnrollment { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Demo seeding starts trials active; the full status workflow arrives with the trials issue.</summary>
    public void Activate()
    {
        Status = TrialStatus.Active;
        Version++;
    }
}
