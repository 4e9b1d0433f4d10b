using Ctms.Shared.Results;
using Ctms.Shared.Security;

namespace Ctms.Subjects.Features.Access;

/// <summary>Site staff act only at the sites in their scope; every handler asks this, not only the page.</summary>
internal static class SiteStaffAccess
{
    public static Error? Check(ICurrentUser user, Guid siteId)
    {
        if (!user.IsAuthenticated)
        {
            return Error.Forbidden("Sign in to work with subjects.");
        }

        if (!user.IsInRole(CtmsRoles.Coordinator) && !user.IsInRole(CtmsRoles.Investigator))
        {
            return Error.Forbidden("Only site coordinators and investigators work with subjects.");
        }

        return user.SiteIds.Contains(siteId) ? null : Error.Forbidden("You are not on the staff of this site.");
    }
}
