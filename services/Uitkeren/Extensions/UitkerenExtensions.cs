using Uwv.ServiceDefaults.Bus;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.Uitkeren.Consumers;
using Uwv.Uitkeren.Data;
using Uwv.Uitkeren.Domain;
using Uwv.Uitkeren.Grpc;

namespace Uwv.Uitkeren.Extensions;

public static class UitkerenExtensions
{
    public static IHostApplicationBuilder AddUitkeren(this IHostApplicationBuilder builder)
    {
        builder.AddDivision<UitkerenDbContext>("uitkeren");
        builder.Services.AddOptions<UitkerenOptions>()
            .Bind(builder.Configuration.GetSection(UitkerenOptions.Section))
            .Validate(o => o.InkomstenVerrekeningPercentage is >= 0 and <= 100, "Uitkeren:InkomstenVerrekeningPercentage must be 0 to 100")
            .ValidateOnStart();
        builder.Services.AddBusConsumers(x => x.AddConsumer<WiaClaimDecisionConsumer>().Endpoint(e => e.Name = "uitkeren-wia-claim-decision"));
        return builder;
    }

    public static IEndpointConventionBuilder MapUitkeren(this IEndpointRouteBuilder app) =>
        app.MapGrpcService<UitkerenGrpcService>();
}
