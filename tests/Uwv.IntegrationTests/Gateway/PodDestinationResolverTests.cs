using Microsoft.Extensions.Logging.Abstractions;
using Uwv.Gateway.Extensions;
using Yarp.ReverseProxy.Configuration;

namespace Uwv.IntegrationTests.Gateway;

/// <summary>
/// The gateway turns a service's host name into one destination per address (every ready pod of a headless Service),
/// and a name without any address leaves that service's destination as configured rather than failing every route.
/// </summary>
public sealed class PodDestinationResolverTests
{
    private readonly PodDestinationResolver _resolver = new(NullLogger<PodDestinationResolver>.Instance);

    [Fact]
    public async Task HostName_BecomesOneDestinationPerAddress_CallingItByItsName()
    {
        var resolved = await _resolver.ResolveDestinationsAsync(
            new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = "http://localhost:5106" } }, CancellationToken.None);

        var destination = resolved.Destinations.ShouldHaveSingleItem();
        destination.Key.ShouldBe("primary[127.0.0.1]");
        destination.Value.Address.ShouldBe("http://127.0.0.1:5106/");
        destination.Value.Host.ShouldBe("localhost:5106");
        resolved.ChangeToken.ShouldNotBeNull();
    }

    [Fact]
    public async Task HostNameWithoutAddresses_KeepsItsDestination_AndTheOtherServicesResolve()
    {
        var resolved = await _resolver.ResolveDestinationsAsync(new Dictionary<string, DestinationConfig>
        {
            ["primary"] = new() { Address = "http://no-ready-pods.invalid:5101" },
            ["instance-1"] = new() { Address = "http://127.0.0.1:5102" },
        }, CancellationToken.None);

        resolved.Destinations.Keys.ShouldBe(["primary", "instance-1[127.0.0.1]"], ignoreOrder: true);
        resolved.Destinations["primary"].Address.ShouldBe("http://no-ready-pods.invalid:5101");
    }
}
