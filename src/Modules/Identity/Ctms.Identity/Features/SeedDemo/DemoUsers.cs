using Ctms.Shared.Demo;
using Ctms.Shared.Security;

namespace Ctms.Identity.Features.SeedDemo;

internal sealed record DemoUser(string Email, string DisplayName, string Role, IReadOnlyList<(string Type, string Value)> Scope);

/// <summary>One demo account per role, each scoped like a real one would be.</summary>
internal static class DemoUsers
{
    private static (string, string) Tenant => (CtmsClaims.Tenant, DemoIds.TenantId);
    private static (string, string) Site(Guid id) => (CtmsClaims.Site, id.ToString());
    private static (string, string) Irb(Guid id) => (CtmsClaims.Irb, id.ToString());

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("admin@demo.ctms", "Alex Admin", CtmsRoles.Administrator, [Tenant]),
        new("sponsor@demo.ctms", "Sora Sponsor", CtmsRoles.Sponsor, [Tenant]),
        new("coordinator@demo.ctms", "Chloe Coordinator", CtmsRoles.Coordinator, [Site(DemoIds.SiteOncologySeoul), Site(DemoIds.SiteCardiologySeoul)]),
        new("coordinator.busan@demo.ctms", "Bora Coordinator", CtmsRoles.Coordinator, [Site(DemoIds.SiteOncologyBusan)]),
        new("investigator@demo.ctms", "Dr. Kim Min-jun", CtmsRoles.Investigator, [Site(DemoIds.SiteOncologySeoul)]),
        new("irb.member@demo.ctms", "Ian IRB Member", CtmsRoles.IrbMember, [Irb(DemoIds.IrbSeoul)]),
        new("irb.chair@demo.ctms", "Iris IRB Chair", CtmsRoles.IrbChair, [Irb(DemoIds.IrbSeoul)]),
        new("irb.chair.busan@demo.ctms", "Bae IRB Chair", CtmsRoles.IrbChair, [Irb(DemoIds.IrbBusan)]),
        new("irb.member.busan@demo.ctms", "Byun IRB Member", CtmsRoles.IrbMember, [Irb(DemoIds.IrbBusan)]),
        new("monitor@demo.ctms", "Mina Monitor", CtmsRoles.Monitor, [Tenant, Site(DemoIds.SiteOncologySeoul)]),
    ];
}
