using System.Text.Json.Nodes;

namespace Uwv.DeploymentTests.Infrastructure;

/// <summary>Reading rendered Kubernetes objects.</summary>
public static class Manifest
{
    public static string Kind(this JsonObject o) => o["kind"]?.GetValue<string>() ?? "";

    public static string Name(this JsonObject o) => o["metadata"]?["name"]?.GetValue<string>() ?? "";

    public static string? Namespace(this JsonObject o) => o["metadata"]?["namespace"]?.GetValue<string>();

    public static IEnumerable<JsonObject> OfKind(this IEnumerable<JsonObject> objects, string kind) =>
        objects.Where(o => o.Kind() == kind);

    public static JsonObject Named(this IEnumerable<JsonObject> objects, string kind, string name) =>
        objects.OfKind(kind).SingleOrDefault(o => o.Name() == name)
        ?? throw new ShouldAssertException($"no {kind} named {name}");

    public static IReadOnlyDictionary<string, string> StringMap(this JsonNode? node) =>
        node is JsonObject map
            ? map.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "")
            : new Dictionary<string, string>();

    public static JsonObject PodTemplate(this JsonObject deployment) =>
        deployment["spec"]!["template"]!.AsObject();

    public static IReadOnlyDictionary<string, string> PodLabels(this JsonObject deployment) =>
        deployment.PodTemplate()["metadata"]!["labels"].StringMap();

    public static IReadOnlyDictionary<string, string> PodAnnotations(this JsonObject deployment) =>
        deployment.PodTemplate()["metadata"]!["annotations"].StringMap();

    public static IReadOnlyList<JsonObject> Containers(this JsonObject deployment) =>
        deployment.PodTemplate()["spec"]!["containers"]!.AsArray().Select(c => c!.AsObject()).ToList();

    /// <summary>Container ports by name.</summary>
    public static IReadOnlyDictionary<string, int> ContainerPorts(this JsonObject deployment) =>
        deployment.Containers()
            .SelectMany(c => c["ports"]?.AsArray() ?? [])
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["containerPort"]!.GetValue<int>());

    /// <summary>Whether a plain label map (a Service's selector, a selector's matchLabels) selects these labels.</summary>
    public static bool MapSelects(this JsonNode? matchLabels, IReadOnlyDictionary<string, string> labels) =>
        matchLabels.StringMap().All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value);

    /// <summary>Whether a LabelSelector selects these labels. The platform uses matchLabels only; an empty selector selects all.</summary>
    public static bool Selects(this JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector?["matchExpressions"] is not null)
        {
            throw new ShouldAssertException("a selector uses matchExpressions; the platform's manifests use matchLabels only");
        }
        return selector?["matchLabels"].MapSelects(labels) ?? true;
    }

    public static IEnumerable<JsonObject> DeploymentsSelectedBy(this IReadOnlyList<JsonObject> objects, JsonNode? selector) =>
        objects.OfKind("Deployment").Where(d => selector.Selects(d.PodLabels()));
}
