using System.Text.Json.Nodes;
using Uwv.DeploymentTests.Infrastructure;

namespace Uwv.DeploymentTests.Manifests;

/// <summary>Services, autoscalers and disruption budgets each belong to exactly the Deployment they name.</summary>
public sealed class ServiceRulesTests
{
    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryService_SelectsItsOwnDeploymentAndTargetsItsContainerPorts(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        foreach (var service in objects.OfKind("Service"))
        {
            var selector = service["spec"]!["selector"];
            var selected = objects.OfKind("Deployment").Where(d => selector is JsonObject { Count: > 0 } && selector.MapSelects(d.PodLabels())).ToList();
            var deployment = service.Name().EndsWith("-pods", StringComparison.Ordinal) ? service.Name()[..^"-pods".Length] : service.Name();
            problems.Require(selected.Count == 1 && selected[0].Name() == deployment,
                $"Service {service.Name()} selects [{string.Join(", ", selected.Select(d => d.Name()))}] instead of Deployment {deployment} alone");
            var containerPorts = selected.FirstOrDefault()?.ContainerPorts() ?? new Dictionary<string, int>();
            foreach (var port in service["spec"]!["ports"]!.AsArray().Select(p => p!.AsObject()))
            {
                var target = port["targetPort"]?.ToString() ?? port["port"]!.ToString();
                var resolved = containerPorts.TryGetValue(target, out var byName) ? byName
                    : containerPorts.Values.FirstOrDefault(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture) == target);
                problems.Require(resolved != 0 && resolved == port["port"]!.GetValue<int>(),
                    $"Service {service.Name()} port {port["name"]} targets {target}, which is not the container port of the same number");
                problems.Require(port["name"]?.ToString() != "grpc" || port["appProtocol"]?.ToString() == "kubernetes.io/h2c",
                    $"Service {service.Name()}: its grpc port must declare appProtocol kubernetes.io/h2c");
            }
        }
        objects.OfKind("Deployment").Where(d => !objects.OfKind("Service").Any(s => s.Name() == d.Name()))
            .Select(d => $"Deployment {d.Name()} has no Service of the same name").ShouldBeEmpty();
        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryAutoscaler_TargetsAnExistingDeploymentThatLeavesItsReplicaCountToIt(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        var autoscalers = objects.OfKind("HorizontalPodAutoscaler").ToList();
        autoscalers.ShouldNotBeEmpty();
        foreach (var hpa in autoscalers)
        {
            var target = hpa["spec"]!["scaleTargetRef"]!;
            var deployment = objects.OfKind("Deployment").SingleOrDefault(d => d.Name() == target["name"]?.ToString());
            problems.Require(target["kind"]?.ToString() == "Deployment" && target["apiVersion"]?.ToString() == "apps/v1" && deployment is not null,
                $"HorizontalPodAutoscaler {hpa.Name()} targets no Deployment of this overlay");
            problems.Require(deployment?["spec"]?["replicas"] is null,
                $"Deployment {deployment?.Name()} sets replicas although {hpa.Name()} scales it (every apply would reset the count)");
            var min = hpa["spec"]!["minReplicas"]?.GetValue<int>() ?? 1;
            var max = hpa["spec"]!["maxReplicas"]!.GetValue<int>();
            problems.Require(min >= 1 && max >= min, $"HorizontalPodAutoscaler {hpa.Name()}: 1 <= minReplicas <= maxReplicas");
            problems.Require(hpa["spec"]!["metrics"] is JsonArray { Count: > 0 }, $"HorizontalPodAutoscaler {hpa.Name()} scales on no metric");
        }
        foreach (var d in objects.OfKind("Deployment"))
        {
            var scaledBy = autoscalers.Count(h => h["spec"]!["scaleTargetRef"]!["name"]?.ToString() == d.Name());
            problems.Require(scaledBy == 1 || d["spec"]?["replicas"]?.GetValue<int>() >= 1,
                $"Deployment {d.Name()} has neither one autoscaler nor a fixed replica count");
        }
        problems.Require(autoscalers.Any(h => h["spec"]!["scaleTargetRef"]!["name"]?.ToString() == Platform.Gateway), "the gateway must autoscale");
        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomize.Overlays), MemberType = typeof(Kustomize))]
    public void EveryDeployment_IsCoveredByExactlyOnePodDisruptionBudget(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        var problems = new Problems();
        var budgets = objects.OfKind("PodDisruptionBudget").ToList();
        foreach (var pdb in budgets)
        {
            var spec = pdb["spec"]!;
            problems.Require(spec["minAvailable"] is not null ^ spec["maxUnavailable"] is not null,
                $"PodDisruptionBudget {pdb.Name()} needs exactly one of minAvailable and maxUnavailable");
            problems.Require(spec["selector"]?["matchLabels"] is JsonObject { Count: > 0 } && objects.DeploymentsSelectedBy(spec["selector"]).Any(),
                $"PodDisruptionBudget {pdb.Name()} selects no Deployment");
        }
        foreach (var d in objects.OfKind("Deployment"))
        {
            var covering = budgets.Where(b => b["spec"]!["selector"].Selects(d.PodLabels())).Select(b => b.Name()).ToList();
            problems.Require(covering.Count == 1, $"Deployment {d.Name()} is covered by [{string.Join(", ", covering)}], not exactly one budget");
        }
        problems.ShouldBeEmpty();
    }
}
