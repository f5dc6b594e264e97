using MassTransit;
using Uwv.Calendar;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Kpi;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Consumers;

/// <summary>Counts herbeoordelingsverzoeken (Werkbedrijf → SMZ) for the cross-division KPIs.</summary>
public sealed class HerbeoordelingKpiConsumer(HandoverDbContext db, KpiStore store, OfficeHours office, TimeProvider clock) :
    IConsumer<HerbeoordelingsverzoekOpened>,
    IConsumer<HerbeoordelingsverzoekAnswered>
{
    public Task Consume(ConsumeContext<HerbeoordelingsverzoekOpened> context) =>
        Project(context, context.Message.VerzoekId);

    public Task Consume(ConsumeContext<HerbeoordelingsverzoekAnswered> context) =>
        Project(context, context.Message.VerzoekId);

    private async Task Project<T>(ConsumeContext<T> context, Guid verzoekId) where T : class, IClientEvent
    {
        var ct = context.CancellationToken;
        await store.ShardAsync(ct); // before the transaction: see KpiStore.ShardAsync
        await db.InTransactionAsync(_ => db.HandleOnceAsync(context, nameof(HerbeoordelingKpiConsumer), clock, async () =>
        {
            var row = await db.KpiVerzoeken.FindAsync([verzoekId], ct);
            var state = row is null ? null : new VerzoekKpi(row.VerzoekId, row.Team, row.OpenedAt);
            var (next, counters) = KpiProjection.ApplyVerzoek(state, context.Message, office);
            if (row is null && next is not null)
            {
                db.KpiVerzoeken.Add(new KpiVerzoekRecord { VerzoekId = next.VerzoekId, Team = next.Team, OpenedAt = next.OpenedAt.ToUniversalTime() });
            }
            await store.IncrementAsync(counters, [], ct);
        }), attempt => db.HasHandledAsync(context, nameof(HerbeoordelingKpiConsumer), attempt), ct);
    }
}
