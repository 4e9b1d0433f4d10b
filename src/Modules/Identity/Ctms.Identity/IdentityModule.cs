using Ctms.Identity.Contracts;
using Ctms.Identity.Domain;
using Ctms.Identity.Features.Audit;
using Ctms.Identity.Features.Oidc;
using Ctms.Identity.Features.SeedDemo;
using Ctms.Identity.Features.SignIn;
using Ctms.Identity.Features.Signing;
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
