using Ctms.IntegrationTests.Support;
using Microsoft.Playwright;

namespace Ctms.EndToEndTests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright's own driver (never `playwright install`: no browser downloads here).
/// </summary>
public static class Browser
{
    public static string? ExecutablePath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("CTMS_CHROMIUM");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured;
            }

            return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
        }
    }

    /// <summary>Why browser journeys cannot run here, or null when a Chromium was found.</summary>
    public static string? MissingReason => ExecutablePath is null
        ? "No Chromium: run `apt-get install -y chromium` (or set CTMS_CHROMIUM) to run the browser journeys."
        : null;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var path = ExecutablePath ?? throw new InvalidOperationException(
            "No Chromium found: install Debian's chromium (apt-get install -y chromium) or set CTMS_CHROMIUM.");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
        return (playwright, browser);
    }
}

/// <summary>Skipped outside CI when no Chromium is installed (naming what to install); always runs in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!ExternalServices.InCi && Browser.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A browser journey across centers: needs Chromium and RabbitMQ; skipped outside CI when either is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserRabbitFactAttribute : FactAttribute
{
    public BrowserRabbitFactAttribute()
    {
        if (!ExternalServices.InCi &&
            (Browser.MissingReason ?? ExternalServices.MissingReason(postgres: false, rabbitMq: true)) is { } reason)
        {
            Skip = reason;
        }
    }
}
