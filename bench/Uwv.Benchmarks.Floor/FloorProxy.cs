using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Uwv.Benchmarks.Floor;

/// <summary>
/// The gateway's hop without its rules: YARP forwards every request over h2c to Floor:Service, with the HTTP/2 settings
/// of the platform's gateway, and no authentication, rate limit or policy in front.
/// </summary>
public static class FloorProxy
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var service = builder.Configuration["Floor:Service"] ?? throw new InvalidOperationException("Floor:Service is required");
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "service", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = "service",
                Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = service } },
                HttpRequest = new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact },
            }]);
        var app = builder.Build();
        app.MapReverseProxy();
        return app;
    }
}
