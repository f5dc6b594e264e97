using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Uwv.DeploymentTests.Infrastructure;
using Uwv.ServiceDefaults;

namespace Uwv.DeploymentTests.Manifests;

/// <summary>How every process runs on the cluster: probes, resources, security, image, sidecar.</summary>
public sealed partial class DeploymentRulesTests
{
    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryDeployment_HasGrpcProbesLimitsAndNonRootReadOnlySecurityContext(string overlay)
    {
        var problems = new Problems();
        var deployments = Kustomize.Render(overlay).OfKind("Deployment").ToList();
        deployments.ShouldNotBeEmpty();
        foreach (var d in deployments)
        {
            var pod = d.PodTemplate()["spec"]!;
            var podSecurity = pod["securityContext"];
            problems.Require(podSecurity?["runAsNonRoot"]?.GetValue<bool>() == true, $"{d.Name()}: pod runAsNonRoot");
            problems.Require((podSecurity?["runAsUser"]?.GetValue<long>() ?? 0) > 0, $"{d.Name()}: pod runAsUser other than root");
            problems.Require(podSecurity?["seccompProfile"]?["type"]?.GetValue<string>() == "RuntimeDefault", $"{d.Name()}: seccomp RuntimeDefault");
            foreach (var c in d.Containers())
            {
                var id = $"{d.Name()}/{c["name"]}";
                foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
                {
                    var port = c[probe]?["grpc"]?["port"]?.GetValue<int>();
                    problems.Require(port == Platform.GrpcPort(d.Name()) && d.ContainerPorts().Values.Contains(port.Value),
                        $"{id}: {probe} must be a gRPC probe on its gRPC port {Platform.GrpcPort(d.Name())}");
                }
                CheckResources(id, c["resources"], problems);
                var security = c["securityContext"];
                problems.Require(security?["readOnlyRootFilesystem"]?.GetValue<bool>() == true, $"{id}: readOnlyRootFilesystem");
                problems.Require(security?["allowPrivilegeEscalation"]?.GetValue<bool>() == false, $"{id}: allowPrivilegeEscalation false");
                problems.Require(security?["runAsNonRoot"]?.GetValue<bool>() == true, $"{id}: runAsNonRoot");
                problems.Require(security?["privileged"]?.GetValue<bool>() != true, $"{id}: not privileged");
                problems.Require((security?["capabilities"]?["drop"]?.AsArray() ?? []).Any(x => x?.GetValue<string>() == "ALL"), $"{id}: drops ALL capabilities");
                problems.Require(HasWritableTmp(pod, c), $"{id}: a read-only root needs an emptyDir at /tmp");
            }
        }
        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryDeployment_RunsAVersionedImageOfItsOwnProjectAsItsNonRootUser(string overlay)
    {
        var problems = new Problems();
        foreach (var d in Kustomize.Render(overlay).OfKind("Deployment"))
        {
            var expected = ContainerImage.Of(d.Name());
            var image = d.Containers().ShouldHaveSingleItem()["image"]!.GetValue<string>();
            var match = ImageReference().Match(image);
            problems.Require(match.Success && match.Groups["repository"].Value.EndsWith(expected.Repository, StringComparison.Ordinal),
                $"{d.Name()}: image {image} is not the project's repository {expected.Repository}");
            problems.Require(match.Success && VersionTag().IsMatch(match.Groups["tag"].Value), $"{d.Name()}: image {image} needs a version tag, not latest");
            problems.Require(expected.Family.Contains("chiseled", StringComparison.Ordinal), $"{d.Name()}: base image family {expected.Family} is not a small chiseled image");
            problems.Require(VersionTag().IsMatch(expected.DefaultTag), $"{d.Name()}: the project's default image tag {expected.DefaultTag} is not a version");
            var user = d.PodTemplate()["spec"]!["securityContext"]?["runAsUser"]?.ToString();
            problems.Require(user == expected.User, $"{d.Name()}: runAsUser {user} differs from the image's ContainerUser {expected.User}");
        }
        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryDeployment_HasADaprSidecarWithGrpcAppProtocolAndItsServiceNameAsAppId(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        foreach (var d in objects.OfKind("Deployment"))
        {
            var a = d.PodAnnotations();
            problems.Require(a.GetValueOrDefault("dapr.io/enabled") == "true", $"{d.Name()}: dapr.io/enabled");
            problems.Require(a.GetValueOrDefault("dapr.io/app-id") == d.Name(), $"{d.Name()}: dapr.io/app-id must be the service name");
            problems.Require(a.GetValueOrDefault("dapr.io/app-protocol") == "grpc", $"{d.Name()}: dapr.io/app-protocol grpc");
            problems.Require(a.GetValueOrDefault("dapr.io/app-port") == Platform.GrpcPort(d.Name()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{d.Name()}: dapr.io/app-port must be its gRPC port");
            var config = a.GetValueOrDefault("dapr.io/config") ?? "";
            problems.Require(objects.OfKind("Configuration").Any(c => c.Name() == config), $"{d.Name()}: dapr.io/config names no Dapr Configuration");
        }
        problems.ShouldBeEmpty();
        objects.Named("Component", DaprSecretStoreExtensions.DefaultStore).ShouldNotBeNull();
    }

    private static void CheckResources(string id, JsonNode? resources, Problems problems)
    {
        foreach (var resource in new[] { "cpu", "memory" })
        {
            var request = resources?["requests"]?[resource]?.ToString();
            var limit = resources?["limits"]?[resource]?.ToString();
            if (request is null || limit is null)
            {
                problems.Add($"{id}: {resource} request and limit");
            }
            else if (Quantity.Parse(limit) < Quantity.Parse(request))
            {
                problems.Add($"{id}: {resource} limit {limit} below its request {request}");
            }
        }
    }

    private static bool HasWritableTmp(JsonNode pod, JsonObject container)
    {
        var mount = (container["volumeMounts"]?.AsArray() ?? []).FirstOrDefault(m => m?["mountPath"]?.GetValue<string>() == "/tmp");
        var volume = mount?["name"]?.GetValue<string>();
        return (pod["volumes"]?.AsArray() ?? []).Any(v => v?["name"]?.GetValue<string>() == volume && v?["emptyDir"] is not null);
    }

    [GeneratedRegex("^(?<repository>[^:@]+(:[0-9]+/[^:@]+)?):(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})$")]
    private static partial Regex ImageReference();

    [GeneratedRegex("^v?[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionTag();
}
