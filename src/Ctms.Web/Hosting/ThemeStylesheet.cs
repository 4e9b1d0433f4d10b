using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Net.Http.Headers;
using MudBlazor;

namespace Ctms.Web.Hosting;

/// <summary>
/// MudBlazor's theme (CSS variables for palette, typography, shadows, z-indexes) as one stylesheet at
/// <c>/theme.css</c>, rendered once from <see cref="MudThemeProvider"/> and cached. A MudThemeProvider in the
/// interactive layout keeps that ≈ 77 KB string in every circuit's render tree; a static stylesheet costs nothing
/// per circuit and the browser caches it. The theme has no dark mode or runtime switch to lose.
/// </summary>
internal static partial class ThemeStylesheet
{
    public const string Path = "/theme.css";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Css, string ETag)? _cached;

    public static void MapThemeStylesheet(this WebApplication app) =>
        app.MapGet(Path, async (HttpContext http, IServiceProvider services, ILoggerFactory loggers) =>
        {
            var (css, etag) = await GetAsync(services, loggers);
            http.Response.Headers[HeaderNames.ETag] = etag;
            http.Response.Headers[HeaderNames.CacheControl] = "no-cache"; // revalidated with the ETag: 304 after the first load
            if (http.Request.Headers[HeaderNames.IfNoneMatch] == etag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Text(css, "text/css", Encoding.UTF8);
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>The stylesheet's text: the contents of the <c>style</c> elements MudThemeProvider renders.</summary>
    public static async Task<(string Css, string ETag)> GetAsync(IServiceProvider services, ILoggerFactory loggers)
    {
        if (_cached is { } done)
        {
            return done;
        }

        await Gate.WaitAsync();
        try
        {
            if (_cached is null)
            {
                await using var scope = services.CreateAsyncScope();
                await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
                var html = await renderer.Dispatcher.InvokeAsync(async () =>
                    (await renderer.RenderComponentAsync<MudThemeProvider>()).ToHtmlString());
                var css = string.Join('\n', StyleElement().Matches(html).Select(m => m.Groups[1].Value.Trim()));
                var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..16]}\"";
                _cached = (css, etag);
            }

            return _cached.Value;
        }
        finally
        {
            Gate.Release();
        }
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();
}
