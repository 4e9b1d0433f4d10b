namespace Ctms.Shared.Demo;

/// <summary>
/// Fixed ids of the seeded demo data, so that each module seeds its own part and the parts fit together
/// (a site names its trial, a coordinator names their site) without modules reading each other's tables.
/// </summary>
public static class DemoIds
{
    public const string TenantId = "demo-sponsor";
    public const string TenantName = "Hanbit Pharmaceuticals (demo)";

    public static readonly Guid TrialOncology = new("a1000000-0000-0000-0000-000000000001");
    public static readonly Guid TrialCardiology = new("a1000000-0000-0000-0000-000000000002");

    public static readonly Guid InstitutionSeoul = new("b1000000-0000-0000-0000-000000000001");
    public static readonly Guid InstitutionBusan = new("b1000000-0000-0000-0000-000000000002");

    public static readonly Guid IrbSeoul = new("c1000000-0000-0000-0000-000000000001");
    public static readonly Guid IrbBusan = new("c1000000-0000-0000-0000-000000000002");

    /// <summary>Oncology trial at Seoul.</summary>
    public static readonly Guid SiteOncologySeoul = new("d1000000-0000-0000-0000-000000000001");

    /// <summary>Oncology trial at Busan.</summary>
    public static readonly Guid SiteOncologyBusan = new("d1000000-0000-0000-0000-000000000002");

    /// <summary>Cardiology trial at Seoul.</summary>
    public static readonly Guid SiteCardiologySeoul = new("d1000000-0000-0000-0000-000000000003");

    /// <summary>Protocol version 1.0 (submitted) of the oncology trial.</summary>
    public static readonly Guid ProtocolOncologyV1 = new("a2000000-0000-0000-0000-000000000001");

    /// <summary>Protocol version 1.0 (submitted) of the cardiology trial.</summary>
    public static readonly Guid ProtocolCardiologyV1 = new("a2000000-0000-0000-0000-000000000002");

    public static readonly Guid ConsentOncologyV1English = new("a3000000-0000-0000-0000-000000000001");
    public static readonly Guid ConsentOncologyV1Korean = new("a3000000-0000-0000-0000-000000000002");
    public static readonly Guid ConsentCardiologyV1English = new("a3000000-0000-0000-0000-000000000003");
    public static readonly Guid ConsentCardiologyV1Korean = new("a3000000-0000-0000-0000-000000000004");
}
