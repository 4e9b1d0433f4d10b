using Microsoft.Extensions.Configuration;

namespace Ctms.Identity.Features.Sessions;

/// <summary>The <c>Security</c> settings of sessions and invitations (minutes may be fractional, for tests).</summary>
internal static class SecuritySettings
{
    /// <summary>How often an open session re-checks the account (security stamp, still active): cookie and circuit.</summary>
    public static TimeSpan Revalidation(IConfiguration configuration) =>
        TimeSpan.FromMinutes(configuration.GetValue("Security:RevalidationMinutes", 1.0));

    /// <summary>How long an invitation's set-password link stays valid.</summary>
    public static TimeSpan InvitationLifetime(IConfiguration configuration) =>
        TimeSpan.FromHours(configuration.GetValue("Security:InvitationLinkHours", 72.0));
}
