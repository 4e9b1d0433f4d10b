using Ctms.Shared.Audit;

namespace Ctms.Identity.Features.Audit;

/// <summary>The account and access events of the Identity module's audit chain (entity type "Account").</summary>
internal static class IdentityAuditEvents
{
    public const string Account = "Account";
    public const string SignedIn = "sign-in";
    public const string PasswordAccepted = "sign-in-password-accepted";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorDisabled = "two-factor-disabled";
    public const string PasswordChanged = "password-changed";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignedOut = "sign-out";
    public const string Signed = "signature";
    public const string SigningFailed = "signing-failed";
    public const string AuditExported = "audit-export";
    public const string AuditVerified = "audit-verify";
    public const string RolesChanged = "roles-changed";
    public const string ScopeChanged = "scope-changed";
    public const string AccountCreated = "account-created";
    public const string AccountDeactivated = "account-deactivated";
    public const string TokenIssued = "token-issued";
    public const string TokenRefused = "token-refused";
    public const string AccountReactivated = "account-reactivated";
    public const string InvitationReissued = "invitation-reissued";
    public const string InvitationAccepted = "invitation-accepted";
    public const string SignedOutIdle = "sign-out-idle";
    public const string Client = "Client";
    public const string ClientRegistered = "client-registered";
    public const string ClientSecretRotated = "client-secret-rotated";
    public const string ClientDisabled = "client-disabled";
    public const string ClientEnabled = "client-enabled";

    public static AuditEntry For(string userId, string userName, string action, string? detail = null, string? reason = null) =>
        AuditEntry.Event(Account, Truncate(userId), action, Truncate(detail, 2000), Truncate(userId), Truncate(userName), reason);

    /// <summary>An event about an account, done by someone else (an administrator): the interceptor records who.</summary>
    public static AuditEntry ByCurrentUser(string accountId, string action, string? detail = null, string? reason = null) =>
        AuditEntry.Event(Account, Truncate(accountId), action, Truncate(detail, 2000), reason: reason);

    private static string Truncate(string value) => value.Length <= 200 ? value : value[..200];

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
