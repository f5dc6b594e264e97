using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;

namespace Uwv.Gateway.Extensions;

/// <summary>A service behind the gateway: its gRPC service names and the JSON routes it transcodes.</summary>
public sealed record ServiceRoute(string Service, IReadOnlyList<string> GrpcServices, IReadOnlyList<string> JsonPrefixes);

/// <summary>The one table of what the gateway routes where. The k8s and tye checks read it too.</summary>
public static class GatewayRoutes
{
    public const string AuthenticatedPolicy = "authenticated-employee";

    public static readonly IReadOnlyList<ServiceRoute> All =
    [
        new("smz", ["uwv.smz.v1.SmzService"], ["/api/v1/smz"]),
        new("werkbedrijf", ["uwv.werkbedrijf.v1.WerkbedrijfService"], ["/api/v1/werkbedrijf"]),
        new("uitkeren", ["uwv.uitkeren.v1.UitkerenService"], ["/api/v1/uitkeren"]),
        new("bezwaarberoep", ["uwv.bezwaarberoep.v1.BezwaarBeroepService"], ["/api/v1/bezwaarberoep"]),
        new("handover", ["uwv.handover.v1.HandoverService", "uwv.handover.v1.HandoverKpiService"], ["/api/v1/handovers", "/api/v1/handover-escalations", "/api/v1/handover-kpis", "/api/v1/signalen"]),
        new("klantbeeld", ["uwv.klantbeeld.v1.KlantbeeldService"], ["/api/v1/clients", "/api/v1/klantbeeld", "/api/v1/audit"]),
    ];

    public static IReadOnlyList<RouteConfig> Routes() =>
        All.SelectMany(s =>
            s.GrpcServices.Select(g => Route($"{s.Service}-grpc-{g}", s.Service, $"/{g}/{{**method}}"))
                .Concat(s.JsonPrefixes.Select(p => Route($"{s.Service}-json-{p}", s.Service, $"{p}/{{**rest}}")))
                .Concat(s.JsonPrefixes.Select(p => Route($"{s.Service}-json-root-{p}", s.Service, p))))
            .ToList();

    /// <summary>
    /// One cluster per service, one destination per address of Services:{name} (several are separated by commas). The
    /// DNS destination resolver then turns a host name into one destination per address it resolves to: a headless
    /// Service's ready pods in the cluster (docs/decisions/0027-balancing-and-resilience.md).
    /// </summary>
    public static IReadOnlyList<ClusterConfig> Clusters(Func<string, IReadOnlyList<Uri>> addressesOf) =>
        All.Select(s => new ClusterConfig
        {
            ClusterId = s.Service,
            Destinations = addressesOf(s.Service)
                .Select((address, i) => (Name: i == 0 ? "primary" : $"instance-{i}", Address: address))
                .ToDictionary(d => d.Name, d => new DestinationConfig { Address = d.Address.OriginalString }),
            LoadBalancingPolicy = LoadBalancingPolicies.PowerOfTwoChoices,
            // A destination that refuses connections is set aside for a while (the call itself fails over, DestinationFailover).
            HealthCheck = new HealthCheckConfig
            {
                Passive = new PassiveHealthCheckConfig { Enabled = true, ReactivationPeriod = TimeSpan.FromSeconds(10) },
            },
            // Services speak HTTP/2 without TLS inside the platform (h2c); JSON calls are carried over it too.
            HttpRequest = new ForwarderRequestConfig
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                ActivityTimeout = TimeSpan.FromSeconds(100),
            },
        }).ToList();

    private static RouteConfig Route(string id, string cluster, string path) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        AuthorizationPolicy = AuthenticatedPolicy,
        Match = new RouteMatch { Path = path },
    };
}
