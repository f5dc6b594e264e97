using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.Handover.Consumers;

/// <summary>Learns the dossiers the divisions open: each starts a lineage its division owns (and counts for flow load).</summary>
public sealed class DossierOwnershipConsumer(HandoverDbContext db, KpiRecorder kpis, TimeProvider clock) : IConsumer<DossierOpened>
{
    public async Task Consume(ConsumeContext<DossierOpened> context)
    {
        var ct = context.CancellationToken;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.HandleOnceAsync(context, nameof(DossierOwnershipConsumer), clock, async () =>
        {
            var e = context.Message;
            var existing = await db.Dossiers.AsNoTracking().Where(d => d.DossierId == e.DossierId).ToListAsync(ct);
            var after = OwnershipLedger.Open(existing.Select(HandoverMapping.ToRow).ToList(), e.DossierId, e.ClientId, e.Division, e.OwnerTeam, e.OccurredAt);
            if (existing.Count == 0 && after.SingleOrDefault() is { } row)
            {
                db.Dossiers.Add(new DossierOwnership
                {
                    DossierId = row.DossierId, LineageId = row.LineageId, ClientId = row.ClientId, Division = row.Division,
                    Team = row.Team, Active = row.Active, Since = row.Since.ToUniversalTime(),
                });
                await kpis.RecordAsync([e], ct);
            }
        });
        await tx.CommitAsync(ct);
    }
}
