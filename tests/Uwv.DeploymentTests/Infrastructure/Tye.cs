using System.Text.Json.Nodes;

namespace Uwv.DeploymentTests.Infrastructure;

/// <summary>tye.yaml at the repository root.</summary>
public static class Tye
{
    private static readonly Lazy<JsonObject> File = new(() => Yaml.ParseFile(Repo.PathOf("tye.yaml")));

    public static IReadOnlyList<JsonObject> Services => File.Value["services"]!.AsArray().Select(s => s!.AsObject()).ToList();

    public static JsonObject Service(string name) =>
        Services.SingleOrDefault(s => s["name"]?.ToString() == name) ?? throw new ShouldAssertException($"tye.yaml has no service {name}");

    public static IReadOnlyList<JsonObject> Bindings(this JsonObject service) =>
        (service["bindings"]?.AsArray() ?? []).Select(b => b!.AsObject()).ToList();

    public static IReadOnlyDictionary<string, string> Env(this JsonObject service) =>
        (service["env"]?.AsArray() ?? []).ToDictionary(e => e!["name"]!.ToString(), e => e!["value"]!.ToString());
}
