using MassTransit;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>
/// The only way a division gets a dossier from another division: the handover's <see cref="DossierTransferred"/>.
/// The sending division closes its dossier; the receiving division opens (or, after a return, reopens) the dossier
/// whose id the handover derived, so a replayed event lands on the same row. Idempotent by the inbox as well.
/// </summary>
public sealed class TransferConsumer<TContext>(TContext db, TransferDivision<TContext> self, TimeProvider clock) : IConsumer<DossierTransferred>
    where TContext : DivisionDbContext
{
    public Task Consume(ConsumeContext<DossierTransferred> context) =>
        db.HandleOnceAsync(context, "TransferConsumer-" + self.Division, clock, async () =>
        {
            var e = context.Message;
            var ct = context.CancellationToken;
            if (e.FromDivision == self.Division && await db.Dossiers.FindAsync([e.FromDossierId], ct) is { } sending)
            {
                TransferRules.Close(sending);
            }
            if (e.ToDivision == self.Division)
            {
                var receiving = await db.Dossiers.FindAsync([e.ToDossierId], ct);
                if (receiving is null)
                {
                    db.Dossiers.Add(TransferRules.Open(e));
                }
                else
                {
                    TransferRules.Reopen(receiving, e);
                }
            }
        });
}

/// <summary>Which division a <see cref="TransferConsumer{TContext}"/> works for.</summary>
public sealed record TransferDivision<TContext>(DivisionCode Division) where TContext : DivisionDbContext;
