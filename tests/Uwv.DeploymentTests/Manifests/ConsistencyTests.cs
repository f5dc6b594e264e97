using Uwv.DeploymentTests.Infrastructure;
using Uwv.Gateway.Extensions;

namespace Uwv.DeploymentTests.Manifests;

/// <summary>The manifests, tye.yaml, config/platform.json and the gateway's route table name the same processes and ports.</summary>
public sealed class ConsistencyTests
{
    [Fact]
    public void PlatformConfig_NamesExactlyTheGatewayAndTheRoutedServices()
    {
        Platform.Ports.Keys.Where(k => k != Platform.GatewayGrpc).ShouldBe(Platform.Processes, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryGatewayRoute_HasADeploymentAndServiceOfItsName(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        foreach (var route in GatewayRoutes.All)
        {
            objects.Named("Deployment", route.Service).ShouldNotBeNull();
            objects.Named("Service", route.Service).ShouldNotBeNull();
        }
        objects.OfKind("Deployment").Select(d => d.Name()).ShouldBe(Platform.Processes, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void ServicePortsAndListenAddresses_AgreeWithTyeAndPlatformConfig(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        foreach (var process in Platform.Processes)
        {
            var service = objects.Named("Service", process)["spec"]!["ports"]!.AsArray()
                .ToDictionary(p => p!["name"]!.ToString(), p => p!["port"]!.GetValue<int>());
            var tye = Tye.Service(process).Bindings().ToDictionary(b => b["name"]!.ToString(), b => b["port"]!.GetValue<int>());
            problems.Require(service.Count == tye.Count && service.All(p => tye.GetValueOrDefault(p.Key) == p.Value),
                $"{process}: Service ports [{string.Join(", ", service)}] differ from tye.yaml [{string.Join(", ", tye)}]");
            var env = objects.Named("Deployment", process).Containers().Single()["env"]!.AsArray()
                .ToDictionary(e => e!["name"]!.ToString(), e => e!["value"]?.ToString() ?? "");
            var httpPort = process == Platform.Gateway ? Platform.Ports[Platform.Gateway] : Platform.Ports[process];
            problems.Require(env.GetValueOrDefault("ASPNETCORE_URLS") == $"http://+:{httpPort}", $"{process}: ASPNETCORE_URLS must listen on port {httpPort}");
            if (process == Platform.Gateway)
            {
                problems.Require(env.GetValueOrDefault("Kestrel__Endpoints__Http__Url") == $"http://+:{Platform.Ports[Platform.Gateway]}"
                    && env.GetValueOrDefault("Kestrel__Endpoints__Http__Protocols") == "Http1"
                    && env.GetValueOrDefault("Kestrel__Endpoints__Grpc__Url") == $"http://+:{Platform.Ports[Platform.GatewayGrpc]}"
                    && env.GetValueOrDefault("Kestrel__Endpoints__Grpc__Protocols") == "Http2",
                    "the gateway must listen HTTP/1.1 on its http port and h2c on its grpc port");
            }
            else
            {
                problems.Require(env.GetValueOrDefault("Kestrel__EndpointDefaults__Protocols") == "Http2", $"{process} must speak h2c");
            }
        }
        problems.ShouldBeEmpty();
    }
}
