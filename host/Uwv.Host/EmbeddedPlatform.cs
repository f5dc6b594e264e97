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
/// (the ports of tye.yaml), sharing one in-memory bus. Each service's endpoints answer only on its own port,
/// so calls still cross the gateway and the service boundaries exactly as with separate processes.
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
        app.MapSmz().RequireHost(Host(app, "smz"));
        app.MapWerkbedrijf().RequireHost(Host(app, "werkbedrijf"));
        app.MapUitkeren().RequireHost(Host(app, "uitkeren"));
        app.MapBezwaarBeroep().RequireHost(Host(app, "bezwaarberoep"));
        app.MapHandover().RequireHost(Host(app, "handover"));
        app.MapKlantbeeld().RequireHost(Host(app, "klantbeeld"));
        app.MapUwvGateway().RequireHost(Host(app, "gateway"), Host(app, "gateway-grpc"));
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app));
        return app;
    }

    private static string Host(WebApplication app, string service) => $"*:{ServiceDefaultsExtensions.PlatformPort(app.Configuration, service)}";

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
