using Uwv.ServiceDefaults.Dossiers;
using Uwv.Smz.Data;
using Uwv.Smz.Grpc;

namespace Uwv.Smz.Extensions;

public static class SmzExtensions
{
    public static IHostApplicationBuilder AddSmz(this IHostApplicationBuilder builder) =>
        builder.AddDivision<SmzDbContext>("smz");

    public static IEndpointConventionBuilder MapSmz(this IEndpointRouteBuilder app) =>
        app.MapGrpcService<SmzGrpcService>();
}
