using System.Security.Cryptography;
using System.Text;
using Ctms.Irb.Domain;
using Ctms.Irb.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Features.Signing;

/// <summary>
/// Each IRB's ECDSA P-256 key pair for signing decisions that other centers verify. The private key never leaves
/// this class in the clear: it is stored protected by ASP.NET Data Protection.
/// </summary>
internal sealed class IrbKeyRing(IrbDbContext db, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Ctms.Irb.SigningKeys.v1");

    /// <summary>The IRB's public key (SubjectPublicKeyInfo DER, base64), creating the pair on first use.</summary>
    public async Task<string> PublicKeyAsync(Guid irbId, CancellationToken cancellationToken = default) =>
        (await GetOrCreateAsync(irbId, cancellationToken)).PublicKey;

    public async Task<string> SignAsync(Guid irbId, string canonicalPayload, CancellationToken cancellationToken = default)
    {
        var key = await GetOrCreateAsync(irbId, cancellationToken);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(_protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey)), out _);
        return Convert.ToBase64String(ecdsa.SignData(Encoding.UTF8.GetBytes(canonicalPayload), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <summary>True only when <paramref name="signature"/> is the holder of <paramref name="publicKey"/>'s signature over exactly these bytes.</summary>
    public static bool Verify(string publicKey, string canonicalPayload, string signature)
    {
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
            return ecdsa.VerifyData(Encoding.UTF8.GetBytes(canonicalPayload), Convert.FromBase64String(signature),
                HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private async Task<IrbSigningKey> GetOrCreateAsync(Guid irbId, CancellationToken cancellationToken)
    {
        var existing = await db.SigningKeys.SingleOrDefaultAsync(k => k.IrbId == irbId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = new IrbSigningKey(irbId,
            Convert.ToBase64String(ecdsa.ExportSubjectPublicKeyInfo()),
            Convert.ToBase64String(_protector.Protect(ecdsa.ExportPkcs8PrivateKey())),
            clock.GetUtcNow());
        db.SigningKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }
}
