using Uwv.ServiceDefaults.Dossiers;
using Uwv.BezwaarBeroep.Data;
using Uwv.BezwaarBeroep.Grpc;

namespace Uwv.BezwaarBeroep.Extensions;

public static class BezwaarBeroepExtensions
{
    public static IHostApplicationBuilder AddBezwaarBeroep(this IHostApplicationBuilder builder) =>
        builder.AddDivision<BezwaarBeroepDbContext>("bezwaarberoep");

    public static IEndpointConventionBuilder MapBezwaarBeroep(this IEndpointRouteBuilder app) =>
        app.MapGrpcService<BezwaarBeroepGrpcService>();
}
