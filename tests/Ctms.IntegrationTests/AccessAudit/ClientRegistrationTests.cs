using System.Net;
using Ctms.Identity.Features.Clients;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Audit;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Shared.Security;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.AccessAudit;

[Trait("Category", "AccessAudit")]
public sealed class ClientRegistrationTests
{
    private const string ClientId = "busan-site-system";

    [Fact]
    public async Task A_registered_client_gets_a_token_for_its_site_a_rotated_secret_voids_the_old_one_and_a_disabled_client_gets_none()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var http = app.CreateClient();

        ClientSecretIssued issued;
        await using (var scope = await app.UserScopeAsync("admin@demo.ctms"))
        {
            var register = scope.ServiceProvider.GetRequiredService<ICommandHandler<RegisterMachineClientCommand, ClientSecretIssued>>();
            var invalid = await register.HandleAsync(new RegisterMachineClientCommand("Bad Id!", "", ["everything"], CtmsRoles.Administrator, null, []));
            Assert.Equal(["ClientId", "DisplayName", "Role", "Scopes[0]"], invalid.Errors.Select(e => e.Field!).Distinct().Order(StringComparer.Ordinal));
            var result = await register.HandleAsync(new RegisterMachineClientCommand(ClientId, "Busan oncology site system", ["ctms.api"],
                CtmsRoles.Coordinator, null, [DemoIds.SiteOncologyBusan]));
            Assert.True(result.IsSuccess, result.Describe());
            issued = result.Value;
            var twice = await register.HandleAsync(new RegisterMachineClientCommand(ClientId, "Again", ["ctms.api"], CtmsRoles.Coordinator, null, [DemoIds.SiteOncologyBusan]));
            Assert.Equal("ClientId", twice.Errors.Single().Field);
        }

        var token = await TokenAsync(http, issued.Secret);
        Assert.False(token.IsError, $"{token.Error} {token.ErrorDescription}");
        using (var api = app.CreateClient())
        {
            api.SetBearerToken(token.AccessToken!);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologyBusan}/subjects")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologySeoul}/subjects")).StatusCode);
        }

        ClientSecretIssued rotated;
        await using (var scope = await app.UserScopeAsync("admin@demo.ctms"))
        {
            var rotate = await scope.ServiceProvider.GetRequiredService<ICommandHandler<RotateClientSecretCommand, ClientSecretIssued>>()
                .HandleAsync(new RotateClientSecretCommand(ClientId, "secret seen in a support ticket"));
            Assert.True(rotate.IsSuccess, rotate.Describe());
            rotated = rotate.Value;
        }

        var old = await TokenAsync(http, issued.Secret);
        Assert.True(old.IsError);
        Assert.Contains("invalid_client", old.Raw, StringComparison.Ordinal);
        Assert.False((await TokenAsync(http, rotated.Secret)).IsError);

        await using (var scope = await app.UserScopeAsync("admin@demo.ctms"))
        {
            var disable = await scope.ServiceProvider.GetRequiredService<ICommandHandler<DisableClientCommand, string>>()
                .HandleAsync(new DisableClientCommand(ClientId, "site closed"));
            Assert.True(disable.IsSuccess, disable.Describe());
        }

        var refused = await TokenAsync(http, rotated.Secret);
        Assert.True(refused.IsError);
        Assert.Contains("invalid_client", refused.Raw, StringComparison.Ordinal);
        Assert.Contains("disabled", refused.Raw, StringComparison.Ordinal);

        var audit = await app.AuditAsync(new AuditQuery(Module: "identity", EntityId: ClientId));
        Assert.Contains(audit, e => e.Action == "client-registered" && e.UserName == "Alex Admin");
        Assert.Contains(audit, e => e.Action == "client-secret-rotated" && e.Reason == "secret seen in a support ticket");
        Assert.Contains(audit, e => e.Action == "client-disabled" && e.Reason == "site closed");
        Assert.Contains(audit, e => e.Action == "token-refused");
    }

    [Fact]
    public async Task Only_administrators_register_clients_and_a_public_client_needs_pkce_and_redirect_uris()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);

        await using (var scope = await app.UserScopeAsync("sponsor@demo.ctms"))
        {
            var register = scope.ServiceProvider.GetRequiredService<ICommandHandler<RegisterMachineClientCommand, ClientSecretIssued>>();
            var refused = await register.HandleAsync(new RegisterMachineClientCommand("sponsor-feed", "Sponsor feed", ["ctms.api"], CtmsRoles.Sponsor, DemoIds.TenantId, []));
            Assert.Equal("forbidden", refused.Errors.Single().Code);
            var disable = await scope.ServiceProvider.GetRequiredService<ICommandHandler<DisableClientCommand, string>>()
                .HandleAsync(new DisableClientCommand("ctms-demo-site-system", "no"));
            Assert.Equal("forbidden", disable.Errors.Single().Code);
        }

        await using (var scope = await app.UserScopeAsync("admin@demo.ctms"))
        {
            var register = scope.ServiceProvider.GetRequiredService<ICommandHandler<RegisterPublicClientCommand, string>>();
            var invalid = await register.HandleAsync(new RegisterPublicClientCommand("trial-app", "Trial app", ["not a uri", "https://app.example/cb#x"]));
            Assert.Equal(2, invalid.Errors.Count);
            Assert.True((await register.HandleAsync(new RegisterPublicClientCommand("trial-app", "Trial app", ["https://app.example/callback"]))).IsSuccess);

            var list = await scope.ServiceProvider.GetRequiredService<IQueryHandler<ListClientsQuery, IReadOnlyList<ClientRow>>>().HandleAsync(new ListClientsQuery());
            var app2 = Assert.Single(list.Value, c => c.ClientId == "trial-app");
            Assert.True(app2.IsPublic);
            Assert.Equal("https://app.example/callback", app2.RedirectUris);
            Assert.Contains(list.Value, c => c.ClientId == "ctms-demo-site-system" && c.ActsAs.Contains(CtmsRoles.Coordinator, StringComparison.Ordinal));

            var rotatePublic = await scope.ServiceProvider.GetRequiredService<ICommandHandler<RotateClientSecretCommand, ClientSecretIssued>>()
                .HandleAsync(new RotateClientSecretCommand("trial-app", "routine"));
            Assert.Equal("conflict", rotatePublic.Errors.Single().Code);
        }

        // Authorization endpoint: the registered public client is sent on to sign in, not refused as unknown.
        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var authorize = await browser.GetAsync("/connect/authorize?client_id=trial-app&response_type=code&scope=ctms.api&redirect_uri=" +
            Uri.EscapeDataString("https://app.example/callback") + "&code_challenge=" + new string('a', 43) + "&code_challenge_method=S256");
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.Contains("/account/login", authorize.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static Task<TokenResponse> TokenAsync(HttpClient http, string secret) =>
        http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token",
            ClientId = ClientId,
            ClientSecret = secret,
            Scope = "ctms.api",
        });
}
