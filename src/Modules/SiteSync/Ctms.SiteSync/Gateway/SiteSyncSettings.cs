using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Ctms.SiteSync.Gateway;

/// <summary>A site connected to the gateway: its code, its Ctms site id and the RabbitMQ user it publishes as.</summary>
internal sealed record RegisteredSite(string Code, Guid SiteId)
{
    public string Lower => Code.ToLowerInvariant();
    public string AmqpUser => $"site-{Lower}";
}

/// <summary>
/// <c>SiteSync:Gateway:Enabled</c> (false), <c>SiteSync:Gateway:ParkSeconds</c> (300), <c>SiteSync:Gateway:RequireDelegation</c>
/// (true), <c>SiteSync:Gateway:SubjectLanes</c> (4: subjects of one site processed in parallel, each in order; 1 = one
/// message of a site at a time) and <c>SiteSync:Sites:{CODE}</c> = site id. The gateway runs only with the RabbitMQ transport.
/// </summary>
internal sealed record SiteSyncSettings(bool Enabled, TimeSpan ParkTimeout, bool RequireDelegation, IReadOnlyList<RegisteredSite> Sites, int SubjectLanes = 4)
{
    public static SiteSyncSettings Read(IConfiguration configuration)
    {
        var gateway = configuration.GetSection("SiteSync:Gateway");
        var enabled = bool.TryParse(gateway["Enabled"], out var e) && e;
        var park = 300;
        if (!string.IsNullOrWhiteSpace(gateway["ParkSeconds"]) &&
            (!int.TryParse(gateway["ParkSeconds"], NumberStyles.Integer, CultureInfo.InvariantCulture, out park) || park < 0))
        {
            throw new InvalidOperationException($"Setting 'SiteSync:Gateway:ParkSeconds' must be a whole number of seconds ≥ 0; got '{gateway["ParkSeconds"]}'.");
        }

        var requireDelegation = !bool.TryParse(gateway["RequireDelegation"], out var d) || d;
        var lanes = 4;
        if (!string.IsNullOrWhiteSpace(gateway["SubjectLanes"]) &&
            (!int.TryParse(gateway["SubjectLanes"], NumberStyles.Integer, CultureInfo.InvariantCulture, out lanes) || lanes is < 1 or > SiteLocks.MaxLanes))
        {
            throw new InvalidOperationException($"Setting 'SiteSync:Gateway:SubjectLanes' must be a whole number from 1 to {SiteLocks.MaxLanes}; got '{gateway["SubjectLanes"]}'.");
        }

        var sites = new List<RegisteredSite>();
        foreach (var child in configuration.GetSection("SiteSync:Sites").GetChildren())
        {
            if (!Guid.TryParse(child.Value, out var siteId) || child.Key.Length is 0 or > 20 ||
                !child.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw new InvalidOperationException(
                    $"Setting 'SiteSync:Sites:{child.Key}' must map a site code (letters, digits, '-') to the site's id; got '{child.Value}'.");
            }

            sites.Add(new RegisteredSite(child.Key.ToUpperInvariant(), siteId));
        }

        return new SiteSyncSettings(enabled, TimeSpan.FromSeconds(park), requireDelegation, sites, lanes);
    }

    public RegisteredSite? ByCode(string code) => Sites.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));

    public RegisteredSite? BySiteId(Guid siteId) => Sites.FirstOrDefault(s => s.SiteId == siteId);
}
