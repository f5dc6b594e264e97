using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.ServiceDefaults.Outbox;
using Uwv.Werkbedrijf.Data;
using Uwv.Werkbedrijf.Domain;

namespace Uwv.Werkbedrijf.Consumers;

/// <summary>Keeps Werkbedrijf's copy of its herbeoordelingsverzoeken up to date with SMZ's pick-up and answer.</summary>
public sealed class HerbeoordelingsverzoekProgressConsumer(WerkbedrijfDbContext db, TimeProvider clock) :
    IConsumer<HerbeoordelingsverzoekPickedUp>,
    IConsumer<HerbeoordelingsverzoekAnswered>
{
    public Task Consume(ConsumeContext<HerbeoordelingsverzoekPickedUp> context) =>
        db.HandleOnceAsync(context, nameof(HerbeoordelingsverzoekProgressConsumer), clock, async () =>
        {
            var e = context.Message;
            if (await db.Herbeoordelingsverzoeken.FirstOrDefaultAsync(v => v.VerzoekId == e.VerzoekId, context.CancellationToken) is { } verzoek)
            {
                verzoek.State = VerzoekProgress.Advance(verzoek.State, VerzoekState.PickedUp);
                verzoek.PickedUpBy = e.PickedUpBy;
                verzoek.PickedUpAt = e.OccurredAt;
            }
        });

    public Task Consume(ConsumeContext<HerbeoordelingsverzoekAnswered> context) =>
        db.HandleOnceAsync(context, nameof(HerbeoordelingsverzoekProgressConsumer), clock, async () =>
        {
            var e = context.Message;
            if (await db.Herbeoordelingsverzoeken.FirstOrDefaultAsync(v => v.VerzoekId == e.VerzoekId, context.CancellationToken) is { } verzoek)
            {
                verzoek.State = VerzoekProgress.Advance(verzoek.State, VerzoekState.Answered);
                verzoek.AnsweredAt = e.OccurredAt;
                verzoek.AoChanged = e.AoChanged;
                verzoek.Outcome = e.Outcome;
            }
        });
}
