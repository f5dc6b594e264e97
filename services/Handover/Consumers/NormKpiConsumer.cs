using System.Text.Json;
using MassTransit;
using Uwv.Calendar;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Kpi;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Consumers;

/// <summary>
/// Counts the divisions' norm deadlines (set, warned, escalated, resolved) into the KPI counters: through the inbox
/// (a redelivered message is handled once) and the deadline's memory (a deadline counts once, whatever arrives twice
/// or out of order), in one transaction with the counters.
/// </summary>
public sealed class NormKpiConsumer(HandoverDbContext db, KpiStore store, OfficeHours office, TimeProvider clock) :
    IConsumer<NormDeadlineSet>,
    IConsumer<NormDeadlineWarned>,
    IConsumer<NormDeadlineEscalated>,
    IConsumer<NormDeadlineResolved>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task Consume(ConsumeContext<NormDeadlineSet> context) => Project(context);

    public Task Consume(ConsumeContext<NormDeadlineWarned> context) => Project(context);

    public Task Consume(ConsumeContext<NormDeadlineEscalated> context) => Project(context);

    public Task Consume(ConsumeContext<NormDeadlineResolved> context) => Project(context);

    private async Task Project<T>(ConsumeContext<T> context) where T : class, IClientEvent
    {
        var ct = context.CancellationToken;
        await store.ShardAsync(ct); // before the transaction: see KpiStore.ShardAsync
        await db.InTransactionAsync(_ => db.HandleOnceAsync(context, nameof(NormKpiConsumer), clock, async () =>
        {
            var deadlineId = NormKpi.DeadlineOf(context.Message);
            var row = await db.KpiNormDeadlines.FindAsync([deadlineId], ct);
            var known = row is null ? null : JsonSerializer.Deserialize<NormDeadlineKpi>(row.State, Json);
            var (next, counters) = NormKpi.Apply(known, context.Message, office);
            if (next is null)
            {
                return;
            }
            var state = JsonSerializer.Serialize(next, Json);
            if (row is null)
            {
                db.KpiNormDeadlines.Add(new KpiNormDeadlineRecord { DeadlineId = deadlineId, State = state, Version = 1 });
            }
            else
            {
                (row.State, row.Version) = (state, row.Version + 1);
            }
            await store.IncrementAsync(counters, [], ct);
        }), attempt => db.HasHandledAsync(context, nameof(NormKpiConsumer), attempt), ct);
    }
}
