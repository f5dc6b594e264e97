using Uwv.Benchmarks.Floor;

// Started by the load benchmark, once per role (Floor:Role = proxy, service or projector), on an h2c address (Urls).
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(e => e.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
var role = builder.Configuration["Floor:Role"];
var app = role switch
{
    "proxy" => FloorProxy.Build(builder),
    "service" => FloorService.Build(builder),
    "projector" => FloorProjector.Build(builder),
    _ => throw new InvalidOperationException($"Floor:Role must be proxy, service or projector, not '{role}'"),
};
app.Run();
