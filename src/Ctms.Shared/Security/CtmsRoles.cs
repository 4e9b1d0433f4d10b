namespace Ctms.Shared.Security;

public static class CtmsRoles
{
    public const string Administrator = "Administrator";
    public const string Sponsor = "Sponsor";
    public const string Coordinator = "Coordinator";
    public const string Investigator = "Investigator";
    public const string IrbMember = "IrbMember";
    public const string IrbChair = "IrbChair";
    public const string Monitor = "Monitor";

    public static readonly IReadOnlyList<string> All =
        [Administrator, Sponsor, Coordinator, Investigator, IrbMember, IrbChair, Monitor];
}

/// <summary>Claim types that carry a person's or client's scope.</summary>
public static class CtmsClaims
{
    /// <summary>The sponsor organisation (tenant) whose trials the principal may see.</summary>
    public const string Tenant = "ctms:tenant";

    /// <summary>One claim per site (id) where the principal works.</summary>
    public const string Site = "ctms:site";

    /// <summary>One claim per IRB (id) the principal sits on.</summary>
    public const string Irb = "ctms:irb";

    public const string DisplayName = "ctms:name";
}
