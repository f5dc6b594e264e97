using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Bus;

namespace Uwv.ServiceDefaults.Dossiers;

public static class TransferExtensions
{
    /// <summary>The division's consumer of dossier transfers, on its own queue "{name}-dossier-transfers".</summary>
    public static IHostApplicationBuilder AddDossierTransfers<TContext>(this IHostApplicationBuilder builder, string name)
        where TContext : DivisionDbContext
    {
        builder.Services.AddSingleton(new TransferDivision<TContext>(DivisionOf(name)));
        builder.Services.AddBusConsumers(x => x.AddConsumer<TransferConsumer<TContext>>().Endpoint(e => e.Name = name + "-dossier-transfers"));
        return builder;
    }

    public static DivisionCode DivisionOf(string name) => name switch
    {
        "smz" => DivisionCode.Smz,
        "werkbedrijf" => DivisionCode.Werkbedrijf,
        "uitkeren" => DivisionCode.Uitkeren,
        "bezwaarberoep" => DivisionCode.BezwaarBeroep,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a division service"),
    };
}
