using Uwv.ServiceDefaults.Bus;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.Smz.Consumers;
using Uwv.Smz.Data;
using Uwv.Smz.Grpc;

namespace Uwv.Smz.Extensions;

public static class SmzExtensions
{
    public static IHostApplicationBuilder AddSmz(this IHostApplicationBuilder builder)
    {
        builder.AddDivision<SmzDbContext>("smz");
        builder.Services.AddBusConsumers(x => x.AddConsumer<HerbeoordelingsverzoekIntakeConsumer>()
            .Endpoint(e => e.Name = "smz-herbeoordelingsverzoek-intake"));
        builder.Services.AddBusConsumers(x => x.AddConsumer<ReintegratieOwnerConsumer>()
            .Endpoint(e => e.Name = "smz-reintegratie-owner"));
        return builder;
    }

    public static IEndpointConventionBuilder MapSmz(this IEndpointRouteBuilder app) =>
        app.MapGrpcService<SmzGrpcService>();
}
