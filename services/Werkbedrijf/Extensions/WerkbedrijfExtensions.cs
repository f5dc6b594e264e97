using Uwv.ServiceDefaults.Bus;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.Werkbedrijf.Consumers;
using Uwv.Werkbedrijf.Data;
using Uwv.Werkbedrijf.Grpc;

namespace Uwv.Werkbedrijf.Extensions;

public static class WerkbedrijfExtensions
{
    public static IHostApplicationBuilder AddWerkbedrijf(this IHostApplicationBuilder builder)
    {
        builder.AddDivision<WerkbedrijfDbContext>("werkbedrijf");
        builder.Services.AddBusConsumers(x => x.AddConsumer<HerbeoordelingsverzoekProgressConsumer>()
            .Endpoint(e => e.Name = "werkbedrijf-herbeoordelingsverzoek-progress"));
        return builder;
    }

    public static IEndpointConventionBuilder MapWerkbedrijf(this IEndpointRouteBuilder app) =>
        app.MapGrpcService<WerkbedrijfGrpcService>();
}
