using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Uwv.ServiceDefaults.Dapr;

/// <summary>
/// The Dapr sidecar next to this process, as the sidecar injector announces it: <c>DAPR_GRPC_PORT</c>
/// (required; its presence is the switch), and optionally <c>DAPR_GRPC_ENDPOINT</c>, <c>DAPR_HTTP_PORT</c>,
/// <c>DAPR_HTTP_ENDPOINT</c> and <c>DAPR_API_TOKEN</c>.
/// </summary>
public sealed record DaprSidecar(Uri GrpcEndpoint, Uri HttpEndpoint, string? ApiToken)
{
    public const string GrpcPortKey = "DAPR_GRPC_PORT";

    /// <summary>The sidecar, or null when this process runs without one.</summary>
    public static DaprSidecar? Detect(IConfiguration configuration)
    {
        var grpcPort = configuration[GrpcPortKey];
        if (string.IsNullOrWhiteSpace(grpcPort))
        {
            return null;
        }
        var grpc = Endpoint(configuration["DAPR_GRPC_ENDPOINT"], Port(grpcPort, GrpcPortKey));
        var httpPort = configuration["DAPR_HTTP_PORT"];
        var http = Endpoint(configuration["DAPR_HTTP_ENDPOINT"], string.IsNullOrWhiteSpace(httpPort) ? 3500 : Port(httpPort, "DAPR_HTTP_PORT"));
        var token = configuration["DAPR_API_TOKEN"];
        return new DaprSidecar(grpc, http, string.IsNullOrWhiteSpace(token) ? null : token);
    }

    private static Uri Endpoint(string? explicitEndpoint, int port) =>
        string.IsNullOrWhiteSpace(explicitEndpoint)
            ? new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}")
            : new Uri(explicitEndpoint);

    private static int Port(string value, string key) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{key} must be a TCP port, not '{value}'");
}
