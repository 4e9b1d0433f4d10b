using System.Text.Json;
using Ctms.Subjects.Contracts;
using Microsoft.AspNetCore.DataProtection;

namespace Ctms.Subjects.Features.Screening;

/// <summary>Encrypts direct identifiers with ASP.NET Data Protection under the Subjects module's own purpose.</summary>
internal sealed class IdentifierProtection(IDataProtectionProvider provider)
{
    public const string Purpose = "Ctms.Subjects.DirectIdentifiers.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(SubjectIdentifiers identifiers) => _protector.Protect(JsonSerializer.Serialize(identifiers));

    public SubjectIdentifiers? Unprotect(string payload) => JsonSerializer.Deserialize<SubjectIdentifiers>(_protector.Unprotect(payload));
}
