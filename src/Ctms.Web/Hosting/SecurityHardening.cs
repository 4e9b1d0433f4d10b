namespace Ctms.Web.Hosting;

/// <summary>Security headers suited to Blazor Server, and the production start-up checks.</summary>
internal static class SecurityHardening
{
    /// <summary>
    /// CSP: scripts and connections from this origin only (the circuit's WebSocket included); inline styles are
    /// allowed because MudBlazor sets style attributes; images may be data: URIs (the authenticator QR code).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseCtmsSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["Content-Security-Policy"] = ContentSecurityPolicy;
                headers["X-Content-Type-Options"] = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["X-Frame-Options"] = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next(context);
        });

    /// <summary>
    /// In Production the app refuses to start with demo data or secrets, or with generated token keys unless
    /// that is a stated choice, and says which setting to provide.
    /// </summary>
    public static void CheckProductionSettings(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var problems = new List<string>();
        if (!bool.TryParse(configuration["Seed:Demo"], out var seed) || seed)
        {
            problems.Add("Seed:Demo must be false in Production (demo users and data are for trying Ctms out).");
        }

        if (!string.IsNullOrEmpty(configuration["Seed:DemoPassword"]))
        {
            problems.Add("Seed:DemoPassword must not be set in Production.");
        }

        if (!string.IsNullOrEmpty(configuration["Seed:DemoClientSecret"]))
        {
            problems.Add("Seed:DemoClientSecret must not be set in Production.");
        }

        if (string.IsNullOrWhiteSpace(configuration["Oidc:SigningCertificate:Path"]) &&
            !configuration.GetValue("Oidc:AllowGeneratedKeys", false))
        {
            problems.Add("Oidc:SigningCertificate:Path and Oidc:EncryptionCertificate:Path (PKCS#12 files, with :Password) must name the " +
                         "token keys in Production, or set Oidc:AllowGeneratedKeys=true to use keys generated in the data folder.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Ctms will not start in Production with these settings:\n  " + string.Join("\n  ", problems));
        }
    }
}
