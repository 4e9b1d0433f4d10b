using Ctms.Shared.Results;
using Ctms.Shared.Security;

namespace Ctms.Irb.Features.Access;

/// <summary>IRB members act only for their own IRB; only its chair signs for it. Asked by every handler.</summary>
internal static class IrbAccess
{
    public static Error? Member(ICurrentUser user, Guid irbId)
    {
        if (!user.IsAuthenticated)
        {
            return Error.Forbidden("Sign in to work on IRB submissions.");
        }

        if (!user.IsInRole(CtmsRoles.IrbMember) && !user.IsInRole(CtmsRoles.IrbChair))
        {
            return Error.Forbidden("Only IRB members and chairs work on IRB submissions.");
        }

        return user.IrbIds.Contains(irbId) ? null : Error.Forbidden("You are not a member of this IRB.");
    }

    public static Error? Chair(ICurrentUser user, Guid irbId) =>
        Member(user, irbId) ?? (user.IsInRole(CtmsRoles.IrbChair) ? null : Error.Forbidden("Only the IRB chair (or delegate) signs for the IRB."));
}
