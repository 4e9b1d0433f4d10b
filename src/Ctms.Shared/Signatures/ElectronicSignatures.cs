using System.Security.Cryptography;
using System.Text;
using Ctms.Shared.Results;

namespace Ctms.Shared.Signatures;

/// <summary>The meaning a 21 CFR 11.50 signature carries, shown with it on screen and in exports.</summary>
public enum SignatureMeaning
{
    Review,
    Approval,
    Disapproval,
    Responsibility,
    Authorship,
}

/// <summary>
/// What is being signed: a record (type and id), its canonical content (hashed, so an edit shows), the meaning,
/// and the re-entered credentials. <see cref="UserName"/> is required on the first signing of a session.
/// </summary>
public sealed record SignatureRequest(string RecordType, string RecordId, string Content, SignatureMeaning Meaning, string? UserName, string Password);

/// <summary>The manifestation of a signature: printed name, UTC time and meaning (21 CFR 11.50), and the content hash.</summary>
public sealed record SignatureManifestation(
    Guid SignatureId,
    string SignerUserId,
    string PrintedName,
    DateTimeOffset SignedAtUtc,
    SignatureMeaning Meaning,
    string ContentHash)
{
    /// <summary>"Signed by Iris Chair on 2026-11-28 14:05 UTC — meaning: approval".</summary>
    public string Display => $"Signed by {PrintedName} on {SignedAtUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC — meaning: {Meaning.ToString().ToLowerInvariant()}";

    /// <summary>True while the record still has the content that was signed; an edit makes it false.</summary>
    public bool Covers(string content) => ContentHash == SignatureHash.Of(content);
}

public static class SignatureHash
{
    public static string Of(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}

/// <summary>Part 11 signing: re-authenticates the current user and records the signature.</summary>
public interface IElectronicSignatureService
{
    Task<Result<SignatureManifestation>> SignAsync(SignatureRequest request, CancellationToken cancellationToken = default);

    /// <summary>The latest signature recorded for a record, or null.</summary>
    Task<SignatureManifestation?> LatestAsync(string recordType, string recordId, CancellationToken cancellationToken = default);

    /// <summary>Whether the current user must enter their user id as well as the password (first signing of the session).</summary>
    bool RequiresUserName { get; }
}
