using Ctms.Shared.Audit;
namespace Ctms.Irb.Domain;

/// <summary>An IRB's ECDSA P-256 key pair; the private key is stored only as Data Protection ciphertext.</summary>
internal sealed class IrbSigningKey
{
    private IrbSigningKey() { }

    public IrbSigningKey(Guid irbId, string publicKey, string protectedPrivateKey, DateTimeOffset createdAt)
    {
        IrbId = irbId;
        PublicKey = publicKey;
        ProtectedPrivateKey = protectedPrivateKey;
        CreatedAt = createdAt;
    }

    public Guid IrbId { get; private set; }
    public string PublicKey { get; private set; } = "";
    public string ProtectedPrivateKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>The reviewing IRB (IRB of record) of a trial.</summary>
internal sealed class TrialIrbOfRecord : IAuditable
{
    private TrialIrbOfRecord() { }

    public TrialIrbOfRecord(Guid trialId, Guid irbId)
    {
        TrialId = trialId;
        IrbId = irbId;
    }

    public Guid TrialId { get; private set; }
    public Guid IrbId { get; private set; }
}

/// <summary>Something administrators must look at, such as a decision whose signature did not verify.</summary>
internal sealed class SecurityAlert
{
    private SecurityAlert() { }

    public SecurityAlert(string kind, string details, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        Details = details;
        At = at;
    }

    public Guid Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string Details { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}

/// <summary>A continuing-review reminder already issued (60, 30 or 7 days before expiry), so each goes once.</summary>
internal sealed class ApprovalReminder
{
    private ApprovalReminder() { }

    public ApprovalReminder(Guid approvalId, int daysBefore, DateOnly dueOn, DateTimeOffset issuedAt)
    {
        ApprovalId = approvalId;
        DaysBefore = daysBefore;
        DueOn = dueOn;
        IssuedAt = issuedAt;
    }

    public Guid ApprovalId { get; private set; }
    public int DaysBefore { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
}
