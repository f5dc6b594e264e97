using System.Text.Json.Nodes;
using Uwv.DeploymentTests.Infrastructure;
using Uwv.ServiceDefaults;

namespace Uwv.DeploymentTests.Manifests;

/// <summary>Settings come from a ConfigMap, connection strings from the Dapr secret store; no secret is in the other objects.</summary>
public sealed class ConfigurationTests
{
    private static readonly string[] SecretMarkers = ["password=", "password:", "ConnectionStrings__", "ConnectionStrings:"];

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryDeployment_ReadsThePlatformConfigMapWithClusterAddressesAndRealServers(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        foreach (var d in objects.OfKind("Deployment"))
        {
            var refs = d.Containers().SelectMany(c => c["envFrom"]?.AsArray() ?? []).Select(e => e?["configMapRef"]?["name"]?.ToString()).ToList();
            problems.Require(refs.Count > 0 && refs.All(r => objects.OfKind("ConfigMap").Any(m => m.Name() == r)),
                $"{d.Name()}: envFrom must name ConfigMaps of this overlay, not [{string.Join(", ", refs)}]");
        }
        var config = objects.OfKind("ConfigMap").ShouldHaveSingleItem()["data"].StringMap();
        foreach (var service in Platform.Services)
        {
            problems.Require(config.GetValueOrDefault($"Services__{service}") == $"http://{service}-pods:{Platform.Ports[service]}",
                $"Services__{service} must be the address of the headless Service {service}-pods (every pod, decision 0027)");
        }
        problems.Require(config.GetValueOrDefault("Database__Provider") == "Postgres", "Database__Provider=Postgres");
        problems.Require(config.GetValueOrDefault("Bus__Transport") == "RabbitMq", "Bus__Transport=RabbitMq");
        problems.Require(config.GetValueOrDefault("KlantbeeldStore__Provider") == "Redis", "KlantbeeldStore__Provider=Redis");
        problems.Require(config.GetValueOrDefault("Auth__EnableDevIssuer") == "false", "the development issuer must be off");
        problems.Require(config.GetValueOrDefault("Auth__Authority")?.StartsWith("https://", StringComparison.Ordinal) == true, "Auth__Authority must be an https OIDC issuer");
        problems.Require(config.GetValueOrDefault("Dapr__SecretStore") == DaprSecretStoreExtensions.DefaultStore, "Dapr__SecretStore names the platform's secret store");
        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void ConnectionStrings_ComeFromTheDaprSecretStoreAndNeverFromTheOtherManifests(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var text = string.Join("\n", objects.Where(o => o.Kind() != "Secret").Select(o => o.ToJsonString()));
        SecretMarkers.Where(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();

        var store = objects.Named("Component", DaprSecretStoreExtensions.DefaultStore);
        store["spec"]!["type"]!.ToString().ShouldStartWith("secretstores.");
        (store["scopes"]?.AsArray() ?? []).Select(s => s!.ToString()).ShouldBe(Platform.Services, ignoreOrder: true);
        var scopes = DaprConfiguration(objects)["spec"]!["secrets"]!["scopes"]!.AsArray().Select(s => s!.AsObject()).ToList();
        scopes.ShouldAllBe(s => s["defaultAccess"]!.ToString() == "deny");
        var ours = scopes.Single(s => s["storeName"]!.ToString() == DaprSecretStoreExtensions.DefaultStore);
        ours["allowedSecrets"]!.AsArray().Select(s => s!.ToString()).ShouldBe(Platform.Services.Select(s => $"uwv-{s}-secrets"), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void DaprAccessControl_AdmitsOnlyThePlatformsAppIdsFromItsOwnNamespace(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var ns = objects.OfKind("Namespace").Single().Name();
        var access = DaprConfiguration(objects)["spec"]!["accessControl"]!;
        access["defaultAction"]!.ToString().ShouldBe("deny");
        var policies = access["policies"]!.AsArray().Select(p => p!.AsObject()).ToList();
        policies.Select(p => p["appId"]!.ToString()).ShouldBe(Platform.Processes, ignoreOrder: true);
        policies.Where(p => p["namespace"]?.ToString() != ns || p["trustDomain"]?.ToString() != access["trustDomain"]?.ToString())
            .Select(p => $"{p["appId"]}: namespace {p["namespace"]}").ShouldBeEmpty();
    }

    private static JsonObject DaprConfiguration(IReadOnlyList<JsonObject> objects)
    {
        var names = objects.OfKind("Deployment").Select(d => d.PodAnnotations().GetValueOrDefault("dapr.io/config")).Distinct().ToList();
        return objects.Named("Configuration", names.ShouldHaveSingleItem() ?? "");
    }
}
