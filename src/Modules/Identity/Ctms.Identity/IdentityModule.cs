using Ctms.Identity.Contracts;
using Ctms.Identity.Domain;
using Ctms.Identity.Features.Audit;
using Ctms.Identity.Features.Clients;
using Ctms.Identity.Features.Oidc;
using Ctms.Identity.Features.SeedDemo;
using Ctms.Identity.Features.SignIn;
using Ctms.Identity.Features.Passwords;
using Ctms.Identity.Features.Sessions;
using Ctms.Identity.Features.Signing;
using Ctms.Identity.Features.Users;
using Ctms.Shared.Handlers;
using FluentValidation;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Ctms.Shared.Signatures;
using Ctms.Identity.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Identity;

/// <summary>The Identity module's only public entry point.</summary>
public static class IdentityModule
{
    public static IServiceCollection AddIdentityModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<CtmsIdentityDbContext>(CtmsIdentityDbContext.SchemaName);
        // People use the Identity cookie; clients send a bearer token. The policy scheme picks one per request.
        services.AddAuthentication(o => o.DefaultScheme = AuthenticationSchemeName)
            .AddPolicyScheme(AuthenticationSchemeName, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddCtmsOidc();
        // Signed in (cookie) or a token that was granted the API scope.
        services.AddAuthorizationBuilder().SetDefaultPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => !IsToken(ctx.User) || ctx.User.HasScope(OidcServer.ApiScope))
            .Build());
        services.AddIdentityCore<CtmsUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddEntityFrameworkStores<CtmsIdentityDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/login";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(20);
            o.SlidingExpiration = true;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            // The API answers 401/403 instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, 401);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, 403);
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((o, configuration) =>
            o.ValidationInterval = SecuritySettings.Revalidation(configuration));
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IConfiguration>((o, configuration) =>
            o.TokenLifespan = SecuritySettings.InvitationLifetime(configuration));
        // Added before the host's AddRazorComponents, whose default provider is only a fallback (TryAdd).
        services.AddScoped<AuthenticationStateProvider, AccountRevalidatingStateProvider>();
        services.AddValidatorsFromAssemblyContaining<InviteUserValidator>(includeInternalTypes: true);
        services.AddCommandHandler<InviteUserCommand, Invitation, UserAdministrationHandlers>();
        services.AddCommandHandler<ReissueInvitationCommand, Invitation, UserAdministrationHandlers>();
        services.AddCommandHandler<ChangeUserAccessCommand, string, UserAdministrationHandlers>();
        services.AddCommandHandler<DeactivateUserCommand, string, UserAdministrationHandlers>();
        services.AddCommandHandler<ReactivateUserCommand, string, UserAdministrationHandlers>();
        services.AddQueryHandler<ListUsersQuery, IReadOnlyList<UserRow>, ListUsersHandler>();
        services.AddQueryHandler<ListClientsQuery, IReadOnlyList<ClientRow>, ListClientsHandler>();
        services.AddCommandHandler<RegisterMachineClientCommand, ClientSecretIssued, ClientRegistrationHandlers>();
        services.AddCommandHandler<RegisterPublicClientCommand, string, ClientRegistrationHandlers>();
        services.AddCommandHandler<RotateClientSecretCommand, ClientSecretIssued, ClientRegistrationHandlers>();
        services.AddCommandHandler<DisableClientCommand, string, ClientRegistrationHandlers>();
        services.AddCommandHandler<EnableClientCommand, string, ClientRegistrationHandlers>();
        services.AddCommandHandler<AcceptInvitationCommand, string, PasswordHandlers>();
        services.AddCommandHandler<ChangePasswordCommand, string, PasswordHandlers>();
        services.AddScoped<IDemoSeeder, IdentityDemoSeeder>();
        services.AddScoped<IElectronicSignatureService, ElectronicSignatureService>();
        services.AddScoped<IIdentityQueries, IdentityQueries>();
        return services;
    }

    /// <summary>The default authentication scheme: forwards to the bearer token handler or the Identity cookie.</summary>
    public const string AuthenticationSchemeName = "Ctms";

    private static bool IsToken(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(OpenIddictConstants.Claims.Subject) is not null &&
        user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier) is null;

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        OidcServer.Map(app);
        AccountEndpoints.Map(app);
        PasswordEndpoints.Map(app);
        AuditEndpoints.Map(app);
        return app;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
