using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Uwv.DeploymentTests.Infrastructure;

/// <summary>
/// Renders a kustomize overlay with kubectl (kustomize v5 built in), once per overlay per test run. The overlays generate
/// each service's secret from secrets/&lt;service&gt;.env, which never enter the repository; the rendering uses a copy of
/// k8s/ where those files are the committed examples (k8s/base/&lt;service&gt;/secrets.env.example).
/// </summary>
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
        var copy = WithExampleSecrets();
        var start = new ProcessStartInfo(kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = copy,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(Path.Combine("overlays", overlay));
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

    /// <summary>The services whose overlay-generated secret has an example file.</summary>
    public static IReadOnlyList<string> ServicesWithSecrets() =>
        Directory.GetDirectories(Repo.PathOf("k8s", "base"))
            .Where(d => File.Exists(Path.Combine(d, "secrets.env.example")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static readonly Lazy<string> Copy = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("uwv-k8s-").FullName;
        CopyTree(Repo.PathOf("k8s"), root);
        foreach (var overlay in Directory.GetDirectories(Path.Combine(root, "overlays")))
        {
            var secrets = Directory.CreateDirectory(Path.Combine(overlay, "secrets")).FullName;
            foreach (var service in ServicesWithSecrets())
            {
                var target = Path.Combine(secrets, service + ".env");
                if (!File.Exists(target))
                {
                    File.Copy(Repo.PathOf("k8s", "base", service, "secrets.env.example"), target);
                }
            }
        }
        return root;
    });

    private static string WithExampleSecrets() => Copy.Value;

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.GetDirectories(from))
        {
            CopyTree(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
