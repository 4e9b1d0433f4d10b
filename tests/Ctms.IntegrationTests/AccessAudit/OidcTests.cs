using System.Net.Http.Json;
using System.Net;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Audit;
using Ctms.Shared.Demo;
using Duende.IdentityModel.Client;

namespace Ctms.IntegrationTests.AccessAudit;

[Trait("Category", "AccessAudit")]
public sealed class OidcTests
{
    private const string ClientId = "ctms-demo-site-system";
    private const string ClientSecret = "Demo-Client-Secret-2026!";

    [Fact]
    public async Task A_site_system_gets_a_client_credentials_token_and_calls_the_api_within_its_site_only()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend, new Dictionary<string, string?> { ["Seed:DemoClientSecret"] = ClientSecret });
        using var http = app.CreateClient();

        var discovery = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = http.BaseAddress!.ToString(),
            Policy = { RequireHttps = false },
        });
        Assert.False(discovery.IsError, discovery.Error);
        Assert.Contains("client_credentials", discovery.GrantTypesSupported);
        Assert.Contains("authorization_code", discovery.GrantTypesSupported);
        Assert.Contains("S256", discovery.CodeChallengeMethodsSupported);
        Assert.NotNull(discovery.AuthorizeEndpoint);

        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            Scope = "ctms.api",
        });
        Assert.False(token.IsError, $"{token.Error} {token.ErrorDescription}");

        using var api = app.CreateClient();
        api.SetBearerToken(token.AccessToken!);
        using var own = await api.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologySeoul}/subjects");
        using var other = await api.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologyBusan}/subjects");
        using var screened = await api.PostAsJsonAsync($"/api/v1/sites/{DemoIds.SiteOncologySeoul}/subjects", new { screenedOn = SubjectJourney.Today });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Created, screened.StatusCode);

        // The client is who the audit trail names, and its token issuance is in the identity chain.
        var subject = await app.AuditAsync(new AuditQuery(Module: "subjects", EntityType: "Subject"));
        Assert.All(subject, e => Assert.Equal(ClientId, e.UserId));
        Assert.NotEmpty(subject);
        Assert.Contains(await app.AuditAsync(new AuditQuery(Module: "identity", EntityId: ClientId)), e => e.Action == "token-issued");
    }

    [Fact]
    public async Task A_wrong_secret_gets_no_token_and_a_forged_token_no_access()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend, new Dictionary<string, string?> { ["Seed:DemoClientSecret"] = ClientSecret });
        using var http = app.CreateClient();

        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token",
            ClientId = ClientId,
            ClientSecret = "not-the-secret",
            Scope = "ctms.api",
        });
        Assert.True(token.IsError);
        Assert.Equal(HttpStatusCode.Unauthorized, token.HttpStatusCode);
        Assert.Contains("invalid_client", token.Raw, StringComparison.Ordinal);
        Assert.Null(token.AccessToken);

        using var api = app.CreateClient();
        api.SetBearerToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        using var response = await api.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologySeoul}/subjects");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_api_scope_is_refused_by_the_api()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend, new Dictionary<string, string?> { ["Seed:DemoClientSecret"] = ClientSecret });
        using var http = app.CreateClient();

        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token",
            ClientId = ClientId,
            ClientSecret = ClientSecret,
        });
        Assert.False(token.IsError, $"{token.Error} {token.ErrorDescription}");

        using var api = app.CreateClient();
        api.SetBearerToken(token.AccessToken!);
        using var response = await api.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologySeoul}/subjects");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
