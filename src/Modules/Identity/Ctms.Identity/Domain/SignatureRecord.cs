using Ctms.Shared.Audit;
using Ctms.Shared.Signatures;

namespace Ctms.Identity.Domain;

/// <summary>A recorded electronic signature. Append-only: never updated, never deleted.</summary>
internal sealed class SignatureRecord : IAuditable
{
    private SignatureRecord() { }

    public SignatureRecord(SignatureManifestation manifestation, string recordType, string recordId)
    {
        Id = manifestation.SignatureId;
        SignerUserId = manifestation.SignerUserId;
        PrintedName = manifestation.PrintedName;
        SignedAt = manifestation.SignedAtUtc;
        Meaning = manifestation.Meaning.ToString();
        ContentHash = manifestation.ContentHash;
        RecordType = recordType;
        RecordId = recordId;
    }

    public Guid Id { get; private set; }
    public string SignerUserId { get; private set; } = "";
    public string PrintedName { get; private set; } = "";
    public DateTimeOffset SignedAt { get; private set; }
    public string Meaning { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    public string RecordType { get; private set; } = "";
    public string RecordId { get; private set; } = "";
}
