using System.Security.Claims;
using Ctms.Shared.Security;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Ctms.Web.Components.Layout;

/// <summary>One entry of the navigation menu, and the entries a user's roles give (the menu's whole logic).</summary>
internal sealed record NavEntry(string Href, string Text, string Icon, NavLinkMatch Match = NavLinkMatch.Prefix, string? Target = null)
{
    private static readonly (string[]? Roles, NavEntry[] Entries)[] Groups =
    [
        (null, [new("", "Home", Icons.Material.Filled.Home, NavLinkMatch.All)]),
        ([CtmsRoles.Sponsor, CtmsRoles.Administrator],
            [new("sponsor", "Site progress", Icons.Material.Filled.Insights), new("trials", "Trials", Icons.Material.Filled.Science)]),
        ([CtmsRoles.Coordinator, CtmsRoles.Investigator], [new("coordinator", "My sites", Icons.Material.Filled.LocalHospital)]),
        ([CtmsRoles.Administrator, CtmsRoles.Coordinator], [new("sitesync", "Site sync", Icons.Material.Filled.Sync)]),
        ([CtmsRoles.IrbMember, CtmsRoles.IrbChair],
            [new("irb", "IRB", Icons.Material.Filled.Gavel, NavLinkMatch.All), new("irb/agreements", "Agreements", Icons.Material.Filled.Handshake)]),
        ([CtmsRoles.Administrator],
        [
            new("irb/alerts", "Security alerts", Icons.Material.Filled.GppMaybe),
            new("admin/users", "Users", Icons.Material.Filled.People),
            new("admin/clients", "API clients", Icons.Material.Filled.VpnKey),
            new("admin/audit", "Audit trail", Icons.Material.Filled.Policy),
            new("scalar/v1", "API reference", Icons.Material.Filled.Api, Target: "_blank"),
        ]),
        ([], [
            new("account/two-factor", "Two-factor sign-in", Icons.Material.Filled.PhonelinkLock),
            new("account/password", "Change password", Icons.Material.Filled.Password),
        ]),
    ];

    /// <summary>
    /// Home for everyone; a group for anyone in one of its roles; an empty role list means any signed-in user
    /// (as <c>AuthorizeView</c> without roles did).
    /// </summary>
    public static IReadOnlyList<NavEntry> For(ClaimsPrincipal? user)
    {
        var signedIn = user?.Identity?.IsAuthenticated == true;
        return Groups
            .Where(g => g.Roles is null || (signedIn && (g.Roles.Length == 0 || g.Roles.Any(user!.IsInRole))))
            .SelectMany(g => g.Entries)
            .ToList();
    }

    /// <summary>NavLink's rule: <c>All</c> matches the path exactly, <c>Prefix</c> the path or anything below it.</summary>
    public bool IsActiveAt(string baseRelativeUri)
    {
        var path = baseRelativeUri.Split('?', '#')[0].TrimEnd('/');
        return Match == NavLinkMatch.All || Href.Length == 0
            ? string.Equals(path, Href, StringComparison.OrdinalIgnoreCase)
            : string.Equals(path, Href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(Href + "/", StringComparison.OrdinalIgnoreCase);
    }
}
