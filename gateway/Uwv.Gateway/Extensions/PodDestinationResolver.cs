using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Uwv.Gateway.Extensions;

/// <summary>
/// Turns each destination's host name into one destination per address it resolves to (a headless Service: every
/// ready pod), looked up again every <see cref="GatewayExtensions.DnsRefreshPeriod"/>. Like YARP's own DNS resolver,
/// with one difference: a name that does not resolve (a headless Service without a ready pod, at install or during a
/// service's outage) keeps its destination as configured, so its calls fail until pods are ready, instead of failing
/// the gateway's whole configuration and with it every other service's routes.
/// </summary>
public sealed partial class PodDestinationResolver(ILogger<PodDestinationResolver> logger) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        foreach (var (name, config) in destinations)
        {
            var address = new Uri(config.Address);
            var pods = await AddressesOfAsync(address, cancellationToken);
            if (pods.Length == 0)
            {
                resolved[name] = config;
                continue;
            }
            foreach (var pod in pods)
            {
                resolved[$"{name}[{pod}]"] = config with
                {
                    Host = config.Host is { Length: > 0 } host ? host : address.Authority,
                    Address = new UriBuilder(address) { Host = pod.ToString() }.Uri.ToString(),
                };
            }
        }
        return new ResolvedDestinationCollection(resolved, new CancellationChangeToken(new CancellationTokenSource(GatewayExtensions.DnsRefreshPeriod).Token));
    }

    private async Task<IPAddress[]> AddressesOfAsync(Uri address, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(address.DnsSafeHost, out var literal))
        {
            return [literal];
        }
        try
        {
            return await Dns.GetHostAddressesAsync(address.DnsSafeHost, cancellationToken);
        }
        catch (SocketException ex)
        {
            NotResolved(logger, address.DnsSafeHost, ex.SocketErrorCode);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Host} resolves to no address ({Error}); its calls fail until it has ready pods")]
    private static partial void NotResolved(ILogger logger, string host, SocketError error);
}
