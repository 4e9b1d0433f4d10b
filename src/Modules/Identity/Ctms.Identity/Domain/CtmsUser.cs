using Ctms.Shared.Audit;
using Microsoft.AspNetCore.Identity;

namespace Ctms.Identity.Domain;

/// <summary>A person who signs in. Accounts are deactivated, never deleted (their signatures and audit entries stay attributable).</summary>
internal sealed class CtmsUser : IdentityUser, IAuditable
{
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    IReadOnlyCollection<string> IAuditable.AuditIgnoredProperties =>
        [nameof(ConcurrencyStamp), nameof(SecurityStamp), nameof(NormalizedEmail), nameof(NormalizedUserName)];

    IReadOnlyCollection<string> IAuditable.AuditRedactedProperties => [nameof(PasswordHash)];
}
