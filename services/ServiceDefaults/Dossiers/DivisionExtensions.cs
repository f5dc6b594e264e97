using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.ServiceDefaults.Bus;
using Uwv.ServiceDefaults.Calendar;
using Uwv.ServiceDefaults.Clients;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Grpc;
using Uwv.ServiceDefaults.Deadlines;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Dossiers;

public static class DivisionExtensions
{
    /// <summary>A division's database, dossier and contact commands, office hours, its norm deadline sweeper, and the client register it checks clients against.</summary>
    public static IHostApplicationBuilder AddDivision<TContext>(this IHostApplicationBuilder builder, string name)
        where TContext : DivisionDbContext
    {
        builder.AddServiceDb<TContext>(name);
        builder.Services.AddScoped<DossierCommands<TContext>>();
        builder.AddDossierTransfers<TContext>(name);
        builder.Services.AddScoped<ContactCommands<TContext>>();
        builder.AddPlatformCalendar();
        builder.AddNormDeadlines<TContext>();
        builder.Services.AddBusConsumers(x => x.AddConsumer<Teams.ClientMovedConsumer<TContext>>().Endpoint(e => e.Name = $"{name}-client-moved"));
        if (!builder.Services.Any(d => d.ServiceType == typeof(KlantbeeldService.KlantbeeldServiceClient)))
        {
            builder.AddServiceClient<KlantbeeldService.KlantbeeldServiceClient>("klantbeeld", ServiceClients.Idempotent(KlantbeeldService.Descriptor, "GetClient"));
        }
        builder.Services.TryAddScoped<IClientDirectory, GrpcClientDirectory>();
        return builder;
    }
}
