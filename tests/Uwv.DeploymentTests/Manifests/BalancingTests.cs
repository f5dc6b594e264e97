using System.Text.Json.Nodes;
using Uwv.DeploymentTests.Infrastructure;

namespace Uwv.DeploymentTests.Manifests;

/// <summary>
/// The gateway reaches every service through a headless Service, whose DNS name resolves to each ready pod, so it
/// balances per call over all of them and follows pods as they come and go (decision 0027). A ClusterIP would pin each
/// long-lived HTTP/2 connection to one pod.
/// </summary>
public sealed class BalancingTests
{
    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryServiceBehindTheGateway_IsAddressedThroughAHeadlessServiceOfItsReadyPods(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var config = objects.OfKind("ConfigMap").ShouldHaveSingleItem()["data"].StringMap();
        var problems = new Problems();
        foreach (var service in Platform.Services)
        {
            var address = new Uri(config[$"Services__{service}"]);
            var headless = objects.OfKind("Service").SingleOrDefault(s => s.Name() == address.Host);
            problems.Require(headless is not null, $"Services__{service} names {address.Host}, which is no Service of this overlay");
            if (headless is null)
            {
                continue;
            }
            var spec = headless["spec"]!;
            problems.Require(spec["clusterIP"]?.ToString() == "None", $"Service {headless.Name()} must be headless (clusterIP: None)");
            problems.Require(spec["publishNotReadyAddresses"]?.GetValue<bool>() != true, $"Service {headless.Name()} must publish ready pods only");
            var deployment = objects.OfKind("Deployment").Where(d => spec["selector"] is JsonObject { Count: > 0 } && spec["selector"].MapSelects(d.PodLabels())).ToList();
            problems.Require(deployment.Count == 1 && deployment[0].Name() == service,
                $"Service {headless.Name()} selects [{string.Join(", ", deployment.Select(d => d.Name()))}] instead of the pods of {service}");
            var ports = spec["ports"]!.AsArray().Select(p => p!["port"]!.GetValue<int>()).ToList();
            problems.Require(ports.Contains(address.Port) && deployment.FirstOrDefault()?.ContainerPorts().Values.Contains(address.Port) == true,
                $"Services__{service} port {address.Port} is not a port of {headless.Name()} and of the {service} container");
        }
        problems.ShouldBeEmpty();
    }
}
