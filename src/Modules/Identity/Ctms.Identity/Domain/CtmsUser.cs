using Microsoft.AspNetCore.Identity;

namespace Ctms.Identity.Domain;

/// <summary>A person who signs in. Accounts are deactivated, never deleted (their signatures and audit entries stay attributable).</summary>
internal sealed class CtmsUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
