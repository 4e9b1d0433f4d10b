using System.Security.Claims;
using System.Collections.Immutable;
using System.Text.Json;
using Ctms.Identity.Domain;
using Ctms.Identity.Features.Audit;
using Ctms.Identity.Persistence;
using Ctms.Shared.Audit;
using Ctms.Shared.Persistence;
using Ctms.Shared.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ctms.Identity.Features.Oidc;

/// <summary>
/// The OpenID Connect server (OpenIddict, ADR 0002/0007): discovery, client credentials for site systems and
/// sponsor integrations, authorization code + PKCE for third-party apps. A client carries its role, tenant and
/// sites from its registration (application properties); the access token gets them as CTMS scope claims.
/// </summary>
internal static class OidcServer
{
    public const string ApiScope = "ctms.api";
    public const string ApiResource = "ctms-api";

    /// <summary>Application properties set when a client is registered.</summary>
    public const string RolesProperty = "ctms_roles";
    public const string TenantProperty = "ctms_tenant";
    public const string SitesProperty = "ctms_sites";

    /// <summary>Set by an administrator: the client is kept for the record but gets no tokens.</summary>
    public const string DisabledProperty = "ctms_disabled";

    public static bool IsDisabled(IReadOnlyDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(DisabledProperty, out var value) && value.ValueKind == JsonValueKind.True;

    public static IServiceCollection AddCtmsOidc(this IServiceCollection services)
    {
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<CtmsIdentityDbContext>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize");
                o.AllowClientCredentialsFlow();
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(ApiScope, Scopes.OpenId, Scopes.Profile, Scopes.Roles);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                o.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });

        services.AddOptions<OpenIddictServerOptions>().Configure<IConfiguration, StorageSettings>((options, configuration, storage) =>
        {
            options.SigningCredentials.Add(new SigningCredentials(OidcKeys.Signing(configuration, storage), SecurityAlgorithms.RsaSha256));
            options.EncryptionCredentials.Add(new EncryptingCredentials(OidcKeys.Encryption(configuration, storage),
                SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        });
        // HTTPS is required except in Development and Testing, or where Oidc:RequireHttps=false says TLS ends at a proxy.
        services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
            options.DisableTransportSecurityRequirement =
                !configuration.GetValue("Oidc:RequireHttps", !environment.IsDevelopment() && !environment.IsEnvironment("Testing")));
        return services;
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", TokenAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> TokenAsync(
        HttpContext http,
        IOpenIddictApplicationManager applications,
        UserManager<CtmsUser> users,
        IUserClaimsPrincipalFactory<CtmsUser> principals,
        CtmsIdentityDbContext db)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var name = await applications.GetDisplayNameAsync(application) ?? request.ClientId!;
            var properties = await applications.GetPropertiesAsync(application);
            if (IsDisabled(properties))
            {
                db.AddAuditEvent(AuditEntry.Event("Client", request.ClientId!, IdentityAuditEvents.TokenRefused, "client disabled",
                    userId: request.ClientId, userName: name));
                await db.SaveChangesAsync(http.RequestAborted);
                return Refuse(Errors.InvalidClient, "This client is disabled.");
            }

            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId).SetClaim(Claims.Name, name).SetClaim(CtmsClaims.DisplayName, name);
            identity.SetClaims(Claims.Role, Strings(properties, RolesProperty));
            identity.SetClaims(CtmsClaims.Site, Strings(properties, SitesProperty));
            if (Strings(properties, TenantProperty).FirstOrDefault() is { } tenant)
            {
                identity.SetClaim(CtmsClaims.Tenant, tenant);
            }

            identity.SetScopes(request.GetScopes());
            identity.SetResources(ApiResource);
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            db.AddAuditEvent(AuditEntry.Event("Client", request.ClientId!, IdentityAuditEvents.TokenIssued,
                $"client credentials; scopes {string.Join(' ', request.GetScopes())}", userId: request.ClientId, userName: name));
            await db.SaveChangesAsync(http.RequestAborted);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType())
        {
            if (await applications.FindByClientIdAsync(request.ClientId!) is { } client && IsDisabled(await applications.GetPropertiesAsync(client)))
            {
                return Refuse(Errors.InvalidClient, "This client is disabled.");
            }

            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var userId = result.Principal?.GetClaim(Claims.Subject);
            if (userId is null || await users.FindByIdAsync(userId) is not { IsActive: true } user)
            {
                return Refuse(Errors.InvalidGrant, "The account is no longer active.");
            }

            var identity = await UserIdentityAsync(user, principals, result.Principal!.GetScopes());
            db.AddAuditEvent(IdentityAuditEvents.For(user.Id, user.DisplayName, IdentityAuditEvents.TokenIssued,
                $"authorization code for client {result.Principal!.GetPresenters().FirstOrDefault()}"));
            await db.SaveChangesAsync(http.RequestAborted);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    /// <summary>Authorization code + PKCE: a signed-in person authorizes a registered app (implicit consent for registered apps).</summary>
    private static async Task<IResult> AuthorizeAsync(
        HttpContext http,
        UserManager<CtmsUser> users,
        IUserClaimsPrincipalFactory<CtmsUser> principals,
        IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (await applications.FindByClientIdAsync(request.ClientId!) is { } client && IsDisabled(await applications.GetPropertiesAsync(client)))
        {
            return Refuse(Errors.UnauthorizedClient, "This client is disabled.");
        }

        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded)
        {
            return Results.Challenge(new AuthenticationProperties
            {
                RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(
                    http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList()),
            }, [IdentityConstants.ApplicationScheme]);
        }

        if (await users.GetUserAsync(cookie.Principal!) is not { IsActive: true } user)
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = await UserIdentityAsync(user, principals, request.GetScopes());
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<ClaimsIdentity> UserIdentityAsync(CtmsUser user, IUserClaimsPrincipalFactory<CtmsUser> principals, IEnumerable<string> scopes)
    {
        var person = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id).SetClaim(Claims.Name, user.UserName).SetClaim(CtmsClaims.DisplayName, user.DisplayName);
        identity.SetClaims(Claims.Role, person.FindAll(ClaimTypes.Role).Select(c => c.Value).ToImmutableArray());
        foreach (var type in new[] { CtmsClaims.Tenant, CtmsClaims.Site, CtmsClaims.Irb })
        {
            identity.SetClaims(type, person.FindAll(type).Select(c => c.Value).ToImmutableArray());
        }

        identity.SetScopes(scopes);
        identity.SetResources(ApiResource);
        identity.SetDestinations(static c => c.Type is Claims.Name or Claims.Subject ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken]);
        return identity;
    }

    private static System.Collections.Immutable.ImmutableArray<string> Strings(
        System.Collections.Immutable.ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString()).OfType<string>()]
            : properties.TryGetValue(name, out var single) && single.ValueKind == JsonValueKind.String ? [single.GetString()!] : [];

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
