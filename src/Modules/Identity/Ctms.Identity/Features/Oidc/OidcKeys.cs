using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ctms.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Ctms.Identity.Features.Oidc;

/// <summary>
/// The OpenID Connect server's signing and encryption keys (ADR 0007): configured PKCS#12 certificates
/// (<c>Oidc:SigningCertificate:Path</c>/<c>:Password</c>, <c>Oidc:EncryptionCertificate:Path</c>/<c>:Password</c>)
/// when given; otherwise RSA keys generated once and kept in the data folder (<c>keys/oidc-*.pem</c>, owner-only),
/// so tokens stay valid across restarts and every instance sharing the folder uses the same keys.
/// </summary>
internal static class OidcKeys
{
    public static SecurityKey Signing(IConfiguration configuration, StorageSettings storage) =>
        Load(configuration, storage, "SigningCertificate", "oidc-signing.pem");

    public static SecurityKey Encryption(IConfiguration configuration, StorageSettings storage) =>
        Load(configuration, storage, "EncryptionCertificate", "oidc-encryption.pem");

    /// <summary>True when the keys come from the data folder rather than configured certificates.</summary>
    public static bool UsesGeneratedKeys(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["Oidc:SigningCertificate:Path"]);

    private static SecurityKey Load(IConfiguration configuration, StorageSettings storage, string setting, string fileName)
    {
        if (configuration[$"Oidc:{setting}:Path"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"Oidc:{setting}:Password"]);
            return new X509SecurityKey(certificate);
        }

        var folder = Path.Combine(storage.DataFolder, "keys");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, fileName);
        var rsa = RSA.Create();
        if (File.Exists(file))
        {
            rsa.ImportFromPem(File.ReadAllText(file));
        }
        else
        {
            rsa.KeySize = 2048;
            var pem = rsa.ExportPkcs8PrivateKeyPem();
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(file, options);
                using var writer = new StreamWriter(stream);
                writer.Write(pem);
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another instance wrote it first: use theirs.
                rsa.ImportFromPem(File.ReadAllText(file));
            }
        }

        return new RsaSecurityKey(rsa) { KeyId = Convert.ToHexStringLower(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16] };
    }
}
