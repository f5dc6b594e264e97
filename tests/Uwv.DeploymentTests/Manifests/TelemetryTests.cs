using System.Text.Json.Nodes;
using Uwv.DeploymentTests.Infrastructure;

namespace Uwv.DeploymentTests.Manifests;

/// <summary>
/// The production overlay sends telemetry on install (k8s/components/telemetry): every process gets the OTLP endpoint
/// and JSON console logs from the platform ConfigMap, and the network policies let every pod reach the collector that
/// endpoint names (its namespace, its port).
/// </summary>
public sealed class TelemetryTests
{
    private const string Overlay = "prod";

    [Fact]
    public void ProdOverlay_GivesEveryProcessTheOtlpEndpointAndJsonConsoleLogs()
    {
        var objects = Kustomize.Render(Overlay);
        var config = objects.OfKind("ConfigMap").ShouldHaveSingleItem();
        var data = config["data"].StringMap();

        Uri.TryCreate(data.GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT"), UriKind.Absolute, out var endpoint)
            .ShouldBeTrue("OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute URI");
        endpoint!.Scheme.ShouldBeOneOf("http", "https");
        data.GetValueOrDefault("Logging__Console__FormatterName").ShouldBe("json");

        var problems = new Problems();
        foreach (var d in objects.OfKind("Deployment"))
        {
            var reads = d.Containers().Where(c => c["name"]?.GetValue<string>() == d.Name())
                .SelectMany(c => c["envFrom"]?.AsArray() ?? [])
                .Any(e => e?["configMapRef"]?["name"]?.GetValue<string>() == config.Name());
            problems.Require(reads, $"{d.Name()} does not read {config.Name()}");
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void ProdOverlay_LetsEveryPodReachTheCollector_ItsNamespaceAndPort()
    {
        var objects = Kustomize.Render(Overlay);
        var endpoint = new Uri(objects.OfKind("ConfigMap").Single()["data"].StringMap()["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        // <service>.<namespace>[.svc.cluster.local]: the collector's namespace is the host's second label.
        var labels = endpoint.Host.Split('.');
        labels.Length.ShouldBeGreaterThanOrEqualTo(2, "the endpoint names the collector's Service with its namespace");
        var collectorNamespace = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = labels[1] };

        var problems = new Problems();
        foreach (var d in objects.OfKind("Deployment"))
        {
            var allowed = objects.OfKind("NetworkPolicy")
                .Where(p => Types(p).Contains("Egress") && p["spec"]!["podSelector"].Selects(d.PodLabels()))
                .SelectMany(p => p["spec"]!["egress"]?.AsArray() ?? [])
                .Any(rule => Ports(rule!).Contains(endpoint.Port)
                    && (rule!["to"]?.AsArray() ?? []).Any(peer => peer!["namespaceSelector"] is { } ns && ns.Selects(collectorNamespace)));
            problems.Require(allowed, $"{d.Name()} may not reach the collector in namespace {labels[1]} on port {endpoint.Port}");
        }
        problems.ShouldBeEmpty();
    }

    private static HashSet<string> Types(JsonObject policy) =>
        (policy["spec"]!["policyTypes"]?.AsArray() ?? []).Select(t => t!.GetValue<string>()).ToHashSet();

    private static HashSet<int> Ports(JsonNode rule) =>
        (rule["ports"]?.AsArray() ?? []).Select(p => p!["port"]!.GetValue<int>()).ToHashSet();
}
