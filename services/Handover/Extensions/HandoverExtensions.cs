using Uwv.Handover.Consumers;
using Uwv.Handover.Data;
using Uwv.Handover.Grpc;
using Uwv.ServiceDefaults.Bus;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Extensions;

public static class HandoverExtensions
{
    public static IHostApplicationBuilder AddHandover(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDb<HandoverDbContext>("handover");
        builder.Services.AddBusConsumers(x => x.AddConsumer<DossierOwnershipConsumer>());
        return builder;
    }

    public static IEndpointConventionBuilder MapHandover(this IEndpointRouteBuilder app) =>
        app.MapGrpcService<HandoverGrpcService>();
}
