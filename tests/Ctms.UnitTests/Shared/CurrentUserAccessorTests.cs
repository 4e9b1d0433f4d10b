using System.Security.Claims;
using Ctms.Shared.Security;

namespace Ctms.UnitTests.Shared;

[Trait("Category", "Foundation")]
public sealed class CurrentUserAccessorTests
{
    [Fact]
    public void Anonymous_by_default()
    {
        var user = new CurrentUserAccessor();

        Assert.False(user.IsAuthenticated);
        Assert.Null(user.UserId);
        Assert.Null(user.TenantId);
        Assert.Empty(user.SiteIds);
        Assert.Empty(user.IrbIds);
        Assert.Equal("anonymous", user.DisplayName);
        Assert.False(user.IsInRole(CtmsRoles.Administrator));
    }

    [Fact]
    public void Reads_identity_scope_and_roles_from_claims()
    {
        var site1 = Guid.NewGuid();
        var site2 = Guid.NewGuid();
        var irb = Guid.NewGuid();
        var user = new CurrentUserAccessor();

        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "user-17"),
            new Claim(ClaimTypes.Name, "coordinator@example.org"),
            new Claim(CtmsClaims.DisplayName, "Casey Coordinator"),
            new Claim(CtmsClaims.Tenant, "acme-pharma"),
            new Claim(CtmsClaims.Site, site1.ToString()),
            new Claim(CtmsClaims.Site, site2.ToString()),
            new Claim(CtmsClaims.Irb, irb.ToString()),
            new Claim(ClaimTypes.Role, CtmsRoles.Coordinator),
        ], authenticationType: "test")));

        Assert.True(user.IsAuthenticated);
        Assert.Equal("user-17", user.UserId);
        Assert.Equal("Casey Coordinator", user.DisplayName);
        Assert.Equal("acme-pharma", user.TenantId);
        Assert.Equal(new HashSet<Guid> { site1, site2 }, user.SiteIds);
        Assert.Equal(new HashSet<Guid> { irb }, user.IrbIds);
        Assert.True(user.IsInRole(CtmsRoles.Coordinator));
        Assert.False(user.IsInRole(CtmsRoles.Sponsor));
    }

    [Fact]
    public void Falls_back_to_the_sub_claim_and_the_identity_name()
    {
        var user = new CurrentUserAccessor();

        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "client-9"), new Claim(ClaimTypes.Name, "api-client")], authenticationType: "bearer")));

        Assert.Equal("client-9", user.UserId);
        Assert.Equal("api-client", user.DisplayName);
    }

    [Fact]
    public void Malformed_and_empty_guids_are_ignored()
    {
        var good = Guid.NewGuid();
        var user = new CurrentUserAccessor();

        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(CtmsClaims.Site, "not-a-guid"),
            new Claim(CtmsClaims.Site, Guid.Empty.ToString()),
            new Claim(CtmsClaims.Site, good.ToString()),
            new Claim(CtmsClaims.Irb, "12345"),
        ], authenticationType: "test")));

        Assert.Equal(good, Assert.Single(user.SiteIds));
        Assert.Empty(user.IrbIds);
    }

    [Fact]
    public void Setting_null_returns_to_anonymous()
    {
        var user = new CurrentUserAccessor();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u")], "test")));

        user.Set(null);

        Assert.False(user.IsAuthenticated);
        Assert.Null(user.UserId);
    }
}
