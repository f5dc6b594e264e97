using Uwv.Calendar;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Handover.Consumers;
using Uwv.Handover.Data;
using Uwv.Handover.Divisions;
using Uwv.Handover.Domain;
using Uwv.Handover.Grpc;
using Uwv.Handover.Sla;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Bus;
using Uwv.ServiceDefaults.Calendar;
using Uwv.ServiceDefaults.Grpc;
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
        builder.Services.AddSingleton<KpiShardPool>();
        builder.Services.AddScoped<ScopedKpiShard>();
        builder.Services.AddScoped<KpiRecorder>();
        builder.Services.AddScoped<HandoverStore>();
        builder.Services.AddScoped<DossierRegister>();
        builder.Services.AddScoped<DossierLearner>();
        builder.AddDivisionClients();
        builder.Services.AddScoped<SlaSweep>();
        builder.Services.AddHostedService<SlaSweeper>();
        builder.Services.AddBusConsumers(x =>
        {
            x.AddConsumer<DossierOwnershipConsumer>();
            x.AddConsumer<HerbeoordelingKpiConsumer>();
            x.AddConsumer<DossierReroutedConsumer>();
            x.AddConsumer<ClientMovedConsumer>();
            x.AddConsumer<ReintegratieKpiConsumer>();
            x.AddConsumer<NormKpiConsumer>();
            x.AddConsumer<DossierClosedConsumer>();
        });
        return builder;
    }

    /// <summary>The divisions' gRPC clients the handover service asks about a dossier it has not learned yet (ADR 0022).</summary>
    private static void AddDivisionClients(this IHostApplicationBuilder builder)
    {
        // GetDossier is a read: safe to retry when a division's pod could not be reached.
        AddOnce<SmzService.SmzServiceClient>(builder, "smz", SmzService.Descriptor);
        AddOnce<WerkbedrijfService.WerkbedrijfServiceClient>(builder, "werkbedrijf", WerkbedrijfService.Descriptor);
        AddOnce<UitkerenService.UitkerenServiceClient>(builder, "uitkeren", UitkerenService.Descriptor);
        AddOnce<BezwaarBeroepService.BezwaarBeroepServiceClient>(builder, "bezwaarberoep", BezwaarBeroepService.Descriptor);
        builder.Services.AddScoped<IDivisionDossiers, GrpcDivisionDossiers>();
    }

    private static void AddOnce<TClient>(IHostApplicationBuilder builder, string service, Google.Protobuf.Reflection.ServiceDescriptor descriptor)
        where TClient : global::Grpc.Core.ClientBase
    {
        // In the embedded default another service may have registered the same client already.
        if (!builder.Services.Any(d => d.ServiceType == typeof(TClient)))
        {
            builder.AddServiceClient<TClient>(service, ServiceClients.Idempotent(descriptor, "GetDossier"));
        }
    }

    public static IEndpointConventionBuilder MapHandover(this IEndpointRouteBuilder app) =>
        new CompositeEndpointConventionBuilder([app.MapGrpcService<HandoverGrpcService>(), app.MapGrpcService<HandoverKpiGrpcService>()]);
}
