using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Uwv.DeploymentTests.Infrastructure;

namespace Uwv.DeploymentTests.Manifests;

/// <summary>Every overlay renders to well-formed Kubernetes objects in one namespace.</summary>
public sealed partial class ObjectValidityTests
{
    private static readonly Dictionary<string, string> ApiVersions = new()
    {
        ["Namespace"] = "v1",
        ["ServiceAccount"] = "v1",
        ["ConfigMap"] = "v1",
        ["Secret"] = "v1",
        ["Service"] = "v1",
        ["Role"] = "rbac.authorization.k8s.io/v1",
        ["RoleBinding"] = "rbac.authorization.k8s.io/v1",
        ["Deployment"] = "apps/v1",
        ["HorizontalPodAutoscaler"] = "autoscaling/v2",
        ["PodDisruptionBudget"] = "policy/v1",
        ["NetworkPolicy"] = "networking.k8s.io/v1",
        ["Ingress"] = "networking.k8s.io/v1",
        ["Component"] = "dapr.io/v1alpha1",
        ["Configuration"] = "dapr.io/v1alpha1",
    };

    [Fact]
    public void DevAndProdOverlays_Exist()
    {
        Kustomize.Overlays().Select(o => (string)o[0]).ShouldBe(["dev", "prod"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryObject_HasAKnownKindApiVersionAndValidUniqueName(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        objects.Count.ShouldBeGreaterThan(0);
        foreach (var o in objects)
        {
            var id = $"{o.Kind()}/{o.Name()}";
            if (!ApiVersions.TryGetValue(o.Kind(), out var apiVersion))
            {
                problems.Add($"{id}: kind not expected in the platform's manifests");
            }
            else if (o["apiVersion"]?.GetValue<string>() != apiVersion)
            {
                problems.Add($"{id}: apiVersion {o["apiVersion"]} instead of {apiVersion}");
            }
            var nameLimit = o.Kind() is "Namespace" or "Service" or "Deployment" ? 63 : 253;
            if (!DnsName().IsMatch(o.Name()) || o.Name().Length > nameLimit)
            {
                problems.Add($"{id}: name is not a DNS-1123 name of at most {nameLimit} characters");
            }
            foreach (var (key, value) in o["metadata"]?["labels"].StringMap() ?? new Dictionary<string, string>())
            {
                if (value.Length > 63 || !LabelValue().IsMatch(value))
                {
                    problems.Add($"{id}: label {key}={value} is not a valid label value");
                }
            }
        }
        objects.GroupBy(o => $"{o.Kind()}/{o.Name()}").Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: defined {g.Count()} times").ShouldBeEmpty();
        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryObject_LivesInTheOverlaysOwnNamespaceAndIsPartOfThePlatform(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var ns = objects.OfKind("Namespace").ShouldHaveSingleItem().Name();
        objects.Where(o => o.Kind() != "Namespace" && o.Namespace() != ns)
            .Select(o => $"{o.Kind()}/{o.Name()} in namespace {o.Namespace()}").ShouldBeEmpty();
        objects.Where(o => o.Kind() != "Namespace" && o["metadata"]!["labels"]?["app.kubernetes.io/part-of"]?.GetValue<string>() != "uwv-1uwv")
            .Select(o => $"{o.Kind()}/{o.Name()} lacks app.kubernetes.io/part-of=uwv-1uwv").ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryDeployment_IsWellFormed(string overlay)
    {
        var problems = new Problems();
        foreach (var d in Kustomize.Render(overlay).OfKind("Deployment"))
        {
            var selector = d["spec"]!["selector"];
            if (selector?["matchLabels"] is not JsonObject { Count: > 0 } || !selector.Selects(d.PodLabels()))
            {
                problems.Add($"{d.Name()}: the selector must be non-empty and match the pod template's labels");
            }
            var containers = d.Containers();
            if (containers.Count == 0)
            {
                problems.Add($"{d.Name()}: no containers");
            }
            foreach (var c in containers)
            {
                if (string.IsNullOrWhiteSpace(c["name"]?.GetValue<string>()) || string.IsNullOrWhiteSpace(c["image"]?.GetValue<string>()))
                {
                    problems.Add($"{d.Name()}: a container without name or image");
                }
                var portNames = (c["ports"]?.AsArray() ?? []).Select(p => p!["name"]?.GetValue<string>() ?? "").ToList();
                if (portNames.Any(n => n.Length is 0 or > 15) || portNames.Distinct().Count() != portNames.Count)
                {
                    problems.Add($"{d.Name()}: container ports need unique names of at most 15 characters");
                }
            }
        }
        problems.ShouldBeEmpty();
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsName();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
