using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Uwv.BezwaarBeroep.Extensions;
using Uwv.Gateway.Extensions;
using Uwv.Handover.Extensions;
using Uwv.Host.Demo;
using Uwv.Klantbeeld.Extensions;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Bus;
using Uwv.Smz.Extensions;
using Uwv.Uitkeren.Extensions;
using Uwv.Werkbedrijf.Extensions;

namespace Uwv.Host;

/// <summary>
/// The embedded default: every service and the gateway in one process, each on its own loopback port
/// (the ports of tye.yaml), sharing one in-memory bus. Each service's endpoints answer only on its own port (the local
/// port of the connection, not the Host header a caller sends: <see cref="LocalPortMatcherPolicy"/>), so calls still
/// cross the gateway and the service boundaries exactly as with separate processes.
/// </summary>
public static class EmbeddedPlatform
{
    public static readonly string[] Services = ["smz", "werkbedrijf", "uitkeren", "bezwaarberoep", "handover", "klantbeeld"];

    public static WebApplicationBuilder AddEmbeddedPlatform(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddPlatformDefaults();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var service in Services.Prepend("gateway"))
            {
                kestrel.ListenPlatformPorts(builder.Configuration, service);
            }
        });
        builder.AddServiceDefaults("uwv-embedded");
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, LocalPortMatcherPolicy>());
        builder.AddKlantbeeld();
        builder.AddSmz();
        builder.AddWerkbedrijf();
        builder.AddUitkeren();
        builder.AddBezwaarBeroep();
        builder.AddHandover();
        builder.AddUwvGateway();
        builder.AddUwvBus("uwv");
        builder.AddDemo();
        return builder;
    }

    public static WebApplication MapEmbeddedPlatform(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapSmz().RequireLocalPort(Port(app, "smz"));
        app.MapWerkbedrijf().RequireLocalPort(Port(app, "werkbedrijf"));
        app.MapUitkeren().RequireLocalPort(Port(app, "uitkeren"));
        app.MapBezwaarBeroep().RequireLocalPort(Port(app, "bezwaarberoep"));
        app.MapHandover().RequireLocalPort(Port(app, "handover"));
        app.MapKlantbeeld().RequireLocalPort(Port(app, "klantbeeld"));
        app.MapUwvGateway().RequireLocalPort(Port(app, "gateway"), Port(app, "gateway-grpc"));
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app));
        return app;
    }

    private static int Port(WebApplication app, string service) => ServiceDefaultsExtensions.PlatformPort(app.Configuration, service);

    private static void PrintBanner(WebApplication app)
    {
        var gateway = app.Configuration["Services:gateway"];
        Console.WriteLine($"""

            1UWV platform (embedded) is ready.
              Gateway:        {gateway} (web and JSON), {app.Configuration["Services:gateway-grpc"]} (gRPC)
              Demo users:     curl {gateway}/dev/users
              Get a token:    curl -s '{gateway}/dev/token?user=procesbegeleider.arnhem-noord'
              Call the API:   curl -H "Authorization: Bearer $TOKEN" "{gateway}/api/v1/klantbeeld/<client-id>?purpose=dossierbehandeling"
            Press Ctrl+C to stop.
            """);
    }
}
