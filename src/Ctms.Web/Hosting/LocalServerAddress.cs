using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ctms.Web.Hosting;

/// <summary>Where the app can reach itself: the server's first address, with a wildcard host made <c>localhost</c>.</summary>
internal static class LocalServerAddress
{
    /// <returns>Null for the in-memory test server, where nothing listens.</returns>
    public static Uri? Of(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return address is null
            ? null
            : new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));
    }
}
