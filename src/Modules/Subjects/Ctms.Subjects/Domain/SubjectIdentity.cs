using Ctms.Shared.Audit;

namespace Ctms.Subjects.Domain;

/// <summary>
/// A subject's direct identifiers (name, birth date, contact), encrypted with ASP.NET Data Protection under the
/// Subjects purpose. Kept apart from <see cref="Subject"/> so that nothing that reads subjects for events, queries or
/// exports can reach them; only the site's own staff see them decrypted.
/// </summary>
internal sealed class SubjectIdentity : IAuditable
{
    private SubjectIdentity() { }

    public SubjectIdentity(Guid subjectId, Guid siteId, string protectedPayload)
    {
        SubjectId = subjectId;
        SiteId = siteId;
        ProtectedPayload = protectedPayload;
    }

    public Guid SubjectId { get; private set; }
    public Guid SiteId { get; private set; }
    public string ProtectedPayload { get; private set; } = "";

    IReadOnlyCollection<string> IAuditable.AuditRedactedProperties => [nameof(ProtectedPayload)];
}
