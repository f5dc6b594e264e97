using System.Text.Json.Nodes;
using Uwv.DeploymentTests.Infrastructure;

namespace Uwv.DeploymentTests.Manifests;

/// <summary>
/// Default deny; only the gateway is reachable from the ingress controller; the services only from the gateway
/// (on their own port) and from each other's sidecars (Dapr's internal port).
/// </summary>
public sealed class NetworkPolicyTests
{
    /// <summary>The port on which one Dapr sidecar calls another (mTLS).</summary>
    private const int SidecarPort = 50002;

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void NetworkPolicies_DenyAllIngressAndEgressByDefault(string overlay)
    {
        Kustomize.Render(overlay).OfKind("NetworkPolicy").Where(p =>
                p["spec"]!["podSelector"] is JsonObject { Count: 0 }
                && Types(p).SetEquals(["Ingress", "Egress"])
                && p["spec"]!["ingress"] is null
                && p["spec"]!["egress"] is null)
            .ShouldHaveSingleItem();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void OnlyTheGateway_IsReachableFromTheIngressController(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        foreach (var d in objects.OfKind("Deployment"))
        {
            var rules = Rules(objects, d, "Ingress", "ingress", "from");
            var outside = rules.Where(r => r.Peers is null || r.Peers.Any(p => p["namespaceSelector"] is not null || p["ipBlock"] is not null)).ToList();
            if (d.Name() == Platform.Gateway)
            {
                var ports = outside.SelectMany(r => r.Ports ?? []).ToHashSet();
                problems.Require(outside.All(r => r.Ports is not null) && ports.SetEquals([Platform.Ports[Platform.Gateway], Platform.Ports[Platform.GatewayGrpc]]),
                    $"the gateway must be reachable from outside its namespace on exactly its ports, not [{string.Join(", ", ports)}]");
            }
            else
            {
                problems.Require(outside.Count == 0, $"{d.Name()} is reachable from outside the namespace");
            }
        }
        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void Services_AcceptCallsOnlyFromTheGatewayAndFromEachOthersSidecars(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var platform = objects.OfKind("Deployment").Select(d => d.Name()).ToHashSet();
        var problems = new Problems();
        foreach (var d in objects.OfKind("Deployment").Where(d => d.Name() != Platform.Gateway))
        {
            var appPort = Platform.GrpcPort(d.Name());
            var rules = Rules(objects, d, "Ingress", "ingress", "from");
            foreach (var rule in rules)
            {
                var sources = rule.Peers?.SelectMany(p => Sources(objects, p)).ToHashSet();
                foreach (var port in rule.Ports ?? [-1])
                {
                    var allowed = port == appPort ? sources is not null && sources.SetEquals([Platform.Gateway])
                        : port == SidecarPort && sources is not null && sources.IsSubsetOf(platform);
                    problems.Require(allowed, $"{d.Name()}: port {port} is open to [{string.Join(", ", sources ?? ["anyone"])}]");
                }
            }
            problems.Require(Admits(rules, objects, Platform.Gateway, appPort), $"{d.Name()}: the gateway cannot reach port {appPort}");
            problems.Require(platform.All(p => Admits(rules, objects, p, SidecarPort)), $"{d.Name()}: not every platform sidecar can reach its sidecar");
        }
        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void DefaultDenyEgress_StillLetsPodsResolveNamesAndTheGatewayAndSidecarsReachTheirPeers(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        foreach (var d in objects.OfKind("Deployment"))
        {
            var rules = Rules(objects, d, "Egress", "egress", "to");
            problems.Require(rules.Any(r => r.Ports?.Contains(53) == true), $"{d.Name()} cannot reach DNS");
            var peers = objects.OfKind("Deployment").Select(p => p.Name());
            problems.Require(peers.All(p => Admits(rules, objects, p, SidecarPort)), $"{d.Name()}'s sidecar cannot reach every other sidecar");
            if (d.Name() == Platform.Gateway)
            {
                foreach (var service in Platform.Services)
                {
                    problems.Require(Admits(rules, objects, service, Platform.GrpcPort(service)), $"the gateway cannot reach {service}");
                }
            }
        }
        problems.ShouldBeEmpty();
    }

    private sealed record Rule(IReadOnlyList<JsonObject>? Peers, IReadOnlyList<int>? Ports);

    private static HashSet<string> Types(JsonObject policy) =>
        (policy["spec"]!["policyTypes"]?.AsArray() ?? []).Select(t => t!.GetValue<string>()).ToHashSet();

    /// <summary>The rules of one direction of every policy that selects the Deployment's pods (null peers or ports: all).</summary>
    private static List<Rule> Rules(IReadOnlyList<JsonObject> objects, JsonObject deployment, string type, string direction, string peers) =>
        objects.OfKind("NetworkPolicy")
            .Where(p => Types(p).Contains(type) && p["spec"]!["podSelector"].Selects(deployment.PodLabels()))
            .SelectMany(p => p["spec"]![direction]?.AsArray() ?? [])
            .Select(r => new Rule(
                r![peers]?.AsArray().Select(x => x!.AsObject()).ToList(),
                r["ports"]?.AsArray().Select(x => x!["port"]!.GetValue<int>()).ToList()))
            .ToList();

    /// <summary>The platform Deployments a peer admits; a peer that reaches beyond the namespace admits "outside" as well.</summary>
    private static IEnumerable<string> Sources(IReadOnlyList<JsonObject> objects, JsonObject peer)
    {
        if (peer["namespaceSelector"] is not null || peer["ipBlock"] is not null)
        {
            return ["outside"];
        }
        var selector = peer["podSelector"];
        return selector?["matchLabels"] is JsonObject { Count: > 0 }
            ? objects.DeploymentsSelectedBy(selector).Select(d => d.Name())
            : ["any pod of the namespace"];
    }

    private static bool Admits(List<Rule> rules, IReadOnlyList<JsonObject> objects, string deployment, int port) =>
        rules.Any(r => (r.Ports is null || r.Ports.Contains(port))
            && (r.Peers is null || r.Peers.Any(p => p["podSelector"] is { } s && p["namespaceSelector"] is null
                && objects.Named("Deployment", deployment).PodLabels() is var labels && s.Selects(labels))));
}
