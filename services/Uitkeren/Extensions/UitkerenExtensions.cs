using Uwv.ServiceDefaults.Dossiers;
using Uwv.Uitkeren.Data;
using Uwv.Uitkeren.Grpc;

namespace Uwv.Uitkeren.Extensions;

public static class UitkerenExtensions
{
    public static IHostApplicationBuilder AddUitkeren(this IHostApplicationBuilder builder) =>
        builder.AddDivision<UitkerenDbContext>("uitkeren");

    public static IEndpointConventionBuilder MapUitkeren(this IEndpointRouteBuilder app) =>
        app.MapGrpcService<UitkerenGrpcService>();
}
