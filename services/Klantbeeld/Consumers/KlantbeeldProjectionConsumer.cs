using MassTransit;
using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;
using Uwv.Klantbeeld.Store;
using Uwv.ServiceDefaults.Telemetry;

namespace Uwv.Klantbeeld.Consumers;

/// <summary>
/// Feeds every client event into the client's picture. Idempotent by construction: the projection is a keyed,
/// version-guarded upsert, so a redelivered or late event leaves the same picture.
/// </summary>
/// The divisions' and the handover's events are subscribed in the partial files beside this one.
public sealed partial class KlantbeeldProjectionConsumer(IKlantbeeldStore store, TimeProvider clock) :
    IConsumer<ClientRegistered>,
    IConsumer<ClientMoved>,
    IConsumer<DossierOpened>,
    IConsumer<DossierRerouted>
{
    public Task Consume(ConsumeContext<ClientRegistered> context) => Project(context);

    public Task Consume(ConsumeContext<ClientMoved> context) => Project(context);

    public Task Consume(ConsumeContext<DossierRerouted> context) => Project(context);

    public Task Consume(ConsumeContext<DossierOpened> context) => Project(context);

    private async Task Project<T>(ConsumeContext<T> context) where T : class, IClientEvent
    {
        var @event = context.Message;
        await store.UpdateAsync(@event.ClientId, doc => KlantbeeldProjection.Apply(doc, @event), context.CancellationToken);
        if (context.Headers.TryGetHeader(UwvTelemetry.CreatedAtHeader, out var created) && created is not null
            && long.TryParse(created.ToString(), out var createdMs))
        {
            UwvTelemetry.ProjectionLag.Record(clock.GetUtcNow().ToUnixTimeMilliseconds() - createdMs);
        }
    }
}
