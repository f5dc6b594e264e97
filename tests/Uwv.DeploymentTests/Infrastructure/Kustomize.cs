using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Uwv.DeploymentTests.Infrastructure;

/// <summary>Renders a kustomize overlay with kubectl (kustomize v5 built in), once per overlay per test run.</summary>
public static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<JsonObject>>> Rendered = new();

    /// <summary>Every overlay under k8s/overlays.</summary>
    public static IEnumerable<object[]> Overlays() =>
        Directory.GetDirectories(Repo.PathOf("k8s", "overlays")).Select(d => new object[] { Path.GetFileName(d) }).OrderBy(o => (string)o[0]);

    public static IReadOnlyList<JsonObject> Render(string overlay) =>
        Rendered.GetOrAdd(overlay, o => new Lazy<IReadOnlyList<JsonObject>>(() => Yaml.ParseDocuments(Run(o)))).Value;

    private static string Run(string overlay)
    {
        var kubectl = Executables.Find("kubectl")
            ?? throw new InvalidOperationException(
                "kubectl is not on PATH. The manifest tests render k8s/overlays/* with `kubectl kustomize` " +
                "(kubectl 1.27 or later, kustomize v5 built in): install kubectl and run the tests again.");
        var start = new ProcessStartInfo(kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(Path.Combine("k8s", "overlays", overlay));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl kustomize k8s/overlays/{overlay} did not finish within a minute");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize k8s/overlays/{overlay} failed ({process.ExitCode}): {stderr.Result}");
        }
        return stdout;
    }
}
