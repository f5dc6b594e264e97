using Uwv.Calendar;
using Uwv.Handover.Consumers;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.Handover.Grpc;
using Uwv.Handover.Sla;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Bus;
using Uwv.ServiceDefaults.Calendar;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Extensions;

public static class HandoverExtensions
{
    public static IHostApplicationBuilder AddHandover(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDb<HandoverDbContext>("handover");
        builder.Services.Configure<HandoverOptions>(builder.Configuration.GetSection(HandoverOptions.Section));
        builder.AddPlatformCalendar();
        builder.Services.AddOptions<HandoverOptions>().Configure<OfficeHours>((o, office) => o.Office = office);
        builder.Services.AddScoped<KpiStore>();
        builder.Services.AddScoped<KpiRecorder>();
        builder.Services.AddScoped<HandoverStore>();
        builder.Services.AddScoped<SlaSweep>();
        builder.Services.AddHostedService<SlaSweeper>();
        builder.Services.AddBusConsumers(x =>
        {
            x.AddConsumer<DossierOwnershipConsumer>();
            x.AddConsumer<HerbeoordelingKpiConsumer>();
            x.AddConsumer<DossierReroutedConsumer>();
            x.AddConsumer<ClientMovedConsumer>();
        });
        return builder;
    }

    public static IEndpointConventionBuilder MapHandover(this IEndpointRouteBuilder app) =>
        new CompositeEndpointConventionBuilder([app.MapGrpcService<HandoverGrpcService>(), app.MapGrpcService<HandoverKpiGrpcService>()]);
}
