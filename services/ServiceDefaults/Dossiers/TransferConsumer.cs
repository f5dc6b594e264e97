using MassTransit;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>
/// The only way a division gets a dossier from another division: the handover's <see cref="DossierTransferred"/>.
/// The sending division closes its dossier; the receiving division opens (or, after a return, reopens) the dossier
/// whose id the handover derived, so a replayed event lands on the same row. Idempotent by the inbox as well, and
/// order-tolerant by <see cref="TransferRules"/>: an older move never undoes a newer one.
/// </summary>
public sealed class TransferConsumer<TContext>(TContext db, TransferDivision<TContext> self, TimeProvider clock) : IConsumer<DossierTransferred>
    where TContext : DivisionDbContext
{
    public Task Consume(ConsumeContext<DossierTransferred> context) =>
        db.HandleOnceAsync(context, "TransferConsumer-" + self.Division, clock, async () =>
        {
            var e = context.Message;
            var ct = context.CancellationToken;
            var sending = e.FromDivision == self.Division ? await db.Dossiers.FindAsync([e.FromDossierId], ct) : null;
            var receiving = e.ToDivision == self.Division ? await db.Dossiers.FindAsync([e.ToDossierId], ct) : null;
            db.Dossiers.AddRange(TransferRules.Apply(self.Division, e, sending, receiving));
        });
}

/// <summary>Which division a <see cref="TransferConsumer{TContext}"/> works for.</summary>
public sealed record TransferDivision<TContext>(DivisionCode Division) where TContext : DivisionDbContext;
