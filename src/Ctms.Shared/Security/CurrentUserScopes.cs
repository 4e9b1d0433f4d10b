namespace Ctms.Shared.Security;

/// <summary>The role-and-scope questions every module asks of the current user, answered one way.</summary>
public static class CurrentUserScopes
{
    /// <summary>Sponsors and administrators act for a sponsor organisation (their tenant).</summary>
    public static bool ActsForSponsor(this ICurrentUser user) =>
        user.IsInRole(CtmsRoles.Sponsor) || user.IsInRole(CtmsRoles.Administrator);

    /// <summary>Signed in as a sponsor or administrator of exactly this tenant.</summary>
    public static bool IsSponsorOf(this ICurrentUser user, string tenantId) =>
        user.IsAuthenticated && user.ActsForSponsor() && !string.IsNullOrEmpty(user.TenantId) && user.TenantId == tenantId;

    public static bool IsSiteStaff(this ICurrentUser user) =>
        user.IsInRole(CtmsRoles.Coordinator) || user.IsInRole(CtmsRoles.Investigator);

    /// <summary>Signed in as a coordinator or investigator of this site.</summary>
    public static bool IsStaffOf(this ICurrentUser user, Guid siteId) =>
        user.IsAuthenticated && user.IsSiteStaff() && user.SiteIds.Contains(siteId);
}
