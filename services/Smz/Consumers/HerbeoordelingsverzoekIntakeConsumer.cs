using MassTransit;
using Microsoft.Extensions.Options;
using Uwv.Calendar;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Smz.V1;
using Uwv.ServiceDefaults.Deadlines;
using Uwv.ServiceDefaults.Outbox;
using Uwv.Smz.Data;

namespace Uwv.Smz.Consumers;

/// <summary>
/// SMZ learns of Werkbedrijf's herbeoordelingsverzoeken from the bus and keeps them in its own table to pick up, with the
/// norm deadline of its answer (Norms:HerbeoordelingsverzoekWorkingDays working days after Werkbedrijf opened it).
/// </summary>
public sealed class HerbeoordelingsverzoekIntakeConsumer(SmzDbContext db, OfficeHours office, IOptions<NormOptions> norms, TimeProvider clock) : IConsumer<HerbeoordelingsverzoekOpened>
{
    public Task Consume(ConsumeContext<HerbeoordelingsverzoekOpened> context) =>
        db.HandleOnceAsync(context, nameof(HerbeoordelingsverzoekIntakeConsumer), clock, async () =>
        {
            var e = context.Message;
            if (await db.Herbeoordelingsverzoeken.AnyAsync(v => v.VerzoekId == e.VerzoekId, context.CancellationToken))
            {
                return;
            }
            var verzoek = new SmzVerzoekRecord
            {
                VerzoekId = e.VerzoekId,
                ClientId = e.ClientId,
                AreaTeam = e.AreaTeam,
                Reason = e.Reason,
                State = VerzoekState.Open,
                ReceivedAt = e.OccurredAt,
                Version = 1,
            };
            db.Herbeoordelingsverzoeken.Add(verzoek);
            SmzNormDeadlines.SetHerbeoordelingsverzoek(db, verzoek, norms.Value.HerbeoordelingsverzoekWorkingDays, office, clock.GetUtcNow());
        });
}
