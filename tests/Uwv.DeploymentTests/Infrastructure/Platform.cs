using System.Text.Json.Nodes;
using Uwv.Gateway.Extensions;

namespace Uwv.DeploymentTests.Infrastructure;

/// <summary>The processes of the platform and their ports, as the run command reads them (config/platform.json).</summary>
public static class Platform
{
    public const string Gateway = "gateway";

    /// <summary>The gateway's h2c port for gRPC (its other port is HTTP/1.1).</summary>
    public const string GatewayGrpc = "gateway-grpc";

    /// <summary>The gateway and every service its route table sends calls to.</summary>
    public static IReadOnlyList<string> Processes { get; } = [Gateway, .. GatewayRoutes.All.Select(r => r.Service)];

    public static IReadOnlyList<string> Services { get; } = GatewayRoutes.All.Select(r => r.Service).ToList();

    private static readonly Lazy<IReadOnlyDictionary<string, int>> PortsByName = new(() =>
    {
        var json = JsonNode.Parse(File.ReadAllText(Repo.PathOf("config", "platform.json")))!.AsObject();
        return json["Services"]!.AsObject().ToDictionary(p => p.Key, p => new Uri(p.Value!.GetValue<string>()).Port);
    });

    /// <summary>Services:{name} of config/platform.json, by name (including gateway-grpc).</summary>
    public static IReadOnlyDictionary<string, int> Ports => PortsByName.Value;

    /// <summary>The port a process serves gRPC (and its gRPC health) on.</summary>
    public static int GrpcPort(string process) => Ports[process == Gateway ? GatewayGrpc : process];

    /// <summary>The project of a process and the container repository its csproj publishes to.</summary>
    public static string ProjectPath(string process) => process == Gateway
        ? Path.Combine("gateway", "Uwv.Gateway", "Uwv.Gateway.csproj")
        : Directory.GetFiles(Repo.PathOf("services"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repo.Root, p))
            .Single(p => Path.GetFileNameWithoutExtension(p).Equals("Uwv." + process, StringComparison.OrdinalIgnoreCase));
}
