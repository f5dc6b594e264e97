using Uwv.ServiceDefaults.Dossiers;
using Uwv.Werkbedrijf.Data;
using Uwv.Werkbedrijf.Grpc;

namespace Uwv.Werkbedrijf.Extensions;

public static class WerkbedrijfExtensions
{
    public static IHostApplicationBuilder AddWerkbedrijf(this IHostApplicationBuilder builder) =>
        builder.AddDivision<WerkbedrijfDbContext>("werkbedrijf");

    public static IEndpointConventionBuilder MapWerkbedrijf(this IEndpointRouteBuilder app) =>
        app.MapGrpcService<WerkbedrijfGrpcService>();
}
