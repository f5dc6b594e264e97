using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// The divisions' events in the picture. Returns null for an event that is not a division's. Every division event carries
/// the whole state of its item and a version, so a keyed, version-guarded upsert makes it idempotent and order-tolerant.
/// </summary>
public static class DivisionProjection
{
    public const int MaxContacts = 100;

    public static KlantbeeldDocument? Apply(KlantbeeldDocument doc, IClientEvent @event) => @event switch
    {
        BeoordelingRecorded e => doc with
        {
            Beoordelingen = KlantbeeldProjection.Upsert(doc.Beoordelingen, b => b.BeoordelingId == e.BeoordelingId,
                new BeoordelingView(e.BeoordelingId, e.Type, e.AoKlasse, e.FmlSummary, e.DecisionDate, e.OccurredAt),
                b => b.RecordedAt, b => b.DecisionDate),
        },
        DossierStatusChanged e => StatusChanged(doc, e),
        DossierAssigned e => Assigned(doc, e),
        UitkeringGranted e => Uitkering(doc, new UitkeringView(e.UitkeringId, e.Type, e.StartDate, e.EndDate, e.MonthlyAmountCents, e.Version)),
        UitkeringEnded e => Uitkering(doc, new UitkeringView(e.UitkeringId, e.Type, e.StartDate, e.EndDate, e.MonthlyAmountCents, e.Version)),
        VoorschotOffered e => Voorschot(doc, new VoorschotView(e.VoorschotId, e.Status, e.StartDate, e.MonthlyAmountCents, e.UnansweredCalls, e.EmailSentOn, e.SettledOn, e.Version)),
        VoorschotUpdated e => Voorschot(doc, new VoorschotView(e.VoorschotId, e.Status, e.StartDate, e.MonthlyAmountCents, e.UnansweredCalls, e.EmailSentOn, e.SettledOn, e.Version)),
        TerugvorderingRecorded e => doc with
        {
            Terugvorderingen = KlantbeeldProjection.Upsert(doc.Terugvorderingen, t => t.TerugvorderingId == e.TerugvorderingId,
                new TerugvorderingView(e.TerugvorderingId, e.AmountCents, e.Reason, e.RecordedOn, e.OccurredAt), t => t.RecordedAt, t => t.RecordedAt),
        },
        ContactLogged e => doc with
        {
            Contacts = Recent(KlantbeeldProjection.Upsert(doc.Contacts, c => c.ContactId == e.ContactId,
                new ContactView(e.ContactId, e.Division, e.Channel, e.Subject, e.Reached, e.ContactAt), c => c.ContactAt, c => c.ContactAt)),
        },
        TerugbelverzoekCreated e => Terugbelverzoek(doc, new TerugbelverzoekView(e.TerugbelverzoekId, e.Division, e.Subject, e.WwQuestion, e.DueAt, e.CompletedAt, e.Version)),
        TerugbelverzoekCompleted e => Terugbelverzoek(doc, new TerugbelverzoekView(e.TerugbelverzoekId, e.Division, e.Subject, e.WwQuestion, e.DueAt, e.CompletedAt, e.Version)),
        HerbeoordelingsverzoekOpened e => Verzoek(doc, e.VerzoekId, "open",
            v => v with { OpenedAt = e.OccurredAt }, new HerbeoordelingsverzoekView(e.VerzoekId, "open", e.OccurredAt, null, null, false, null)),
        HerbeoordelingsverzoekPickedUp e => Verzoek(doc, e.VerzoekId, "picked-up",
            v => v with { PickedUpAt = e.OccurredAt }, new HerbeoordelingsverzoekView(e.VerzoekId, "picked-up", null, e.OccurredAt, null, false, null)),
        HerbeoordelingsverzoekAnswered e => Verzoek(doc, e.VerzoekId, "answered",
            v => v with { AnsweredAt = e.OccurredAt, AoChanged = e.AoChanged, Outcome = e.Outcome },
            new HerbeoordelingsverzoekView(e.VerzoekId, "answered", null, null, e.OccurredAt, e.AoChanged, e.Outcome)),
        ReintegratietrajectStarted e => Traject(doc, new TrajectView(e.TrajectId, e.Phase, e.Doelen, e.Afspraken, e.Version)),
        ReintegratietrajectUpdated e => Traject(doc, new TrajectView(e.TrajectId, e.Phase, e.Doelen, e.Afspraken, e.Version)),
        BezwaarRegistered e => Bezwaar(doc, new BezwaarView(e.BezwaarId, e.DecisionDivision, e.ReceivedOn, e.Deadline, e.Status, e.Outcome,
            e.ContactDueOn, e.ContactedOn, e.HoorzittingOn, e.DwangsomFrom, e.Version)),
        BezwaarUpdated e => Bezwaar(doc, new BezwaarView(e.BezwaarId, e.DecisionDivision, e.ReceivedOn, e.Deadline, e.Status, e.Outcome,
            e.ContactDueOn, e.ContactedOn, e.HoorzittingOn, e.DwangsomFrom, e.Version)),
        HerkeuringsaanvraagReceived e => Herkeuring(doc, new HerkeuringView(e.AanvraagId, e.ReceivedOn, e.CallDueOn, e.CalledOn, e.Version)),
        HerkeuringCallRecorded e => Herkeuring(doc, new HerkeuringView(e.AanvraagId, e.ReceivedOn, e.CallDueOn, e.CalledOn, e.Version)),
        _ => null,
    };

    /// <summary>
    /// A division's status change; arriving before the dossier's opening, it creates the dossier the opening later
    /// completes, so the newest status wins in any arrival order.
    /// </summary>
    private static KlantbeeldDocument StatusChanged(KlantbeeldDocument doc, DossierStatusChanged e)
    {
        var existing = doc.Dossiers.FirstOrDefault(d => d.DossierId == e.DossierId)
            ?? new DossierView(e.DossierId, e.Division, "", "", HandoverProjection.Open, DateTimeOffset.MinValue);
        var changed = existing.WithStatus(e.ToStatus, e.OccurredAt);
        return changed == existing && doc.Dossiers.Contains(existing)
            ? doc
            : doc with { Dossiers = KlantbeeldProjection.Replace(doc.Dossiers, changed) };
    }

    /// <summary>
    /// An employee took the dossier as their own: the owner employee from that moment, unless a later change of owner
    /// (a move to another team, a transfer) already arrived; arriving before the opening, it creates the dossier.
    /// </summary>
    private static KlantbeeldDocument Assigned(KlantbeeldDocument doc, DossierAssigned e)
    {
        var existing = doc.Dossiers.FirstOrDefault(d => d.DossierId == e.DossierId);
        if (existing is not null && existing.Version > e.OccurredAt)
        {
            return doc;
        }
        var assigned = (existing ?? new DossierView(e.DossierId, e.Division, e.OwnerTeam, "", HandoverProjection.Open, DateTimeOffset.MinValue))
            with { OwnerEmployee = e.Employee, OwnerSince = e.OccurredAt };
        return existing == assigned ? doc : doc with { Dossiers = KlantbeeldProjection.Replace(doc.Dossiers, assigned) };
    }

    private static KlantbeeldDocument Uitkering(KlantbeeldDocument doc, UitkeringView u) => doc with
    {
        Uitkeringen = KlantbeeldProjection.Upsert(doc.Uitkeringen, x => x.UitkeringId == u.UitkeringId, u, x => x.Version, x => x.StartDate),
    };

    private static KlantbeeldDocument Voorschot(KlantbeeldDocument doc, VoorschotView v) => doc with
    {
        Voorschotten = KlantbeeldProjection.Upsert(doc.Voorschotten, x => x.VoorschotId == v.VoorschotId, v, x => x.Version, x => x.VoorschotId),
    };

    private static KlantbeeldDocument Terugbelverzoek(KlantbeeldDocument doc, TerugbelverzoekView t) => doc with
    {
        Terugbelverzoeken = KlantbeeldProjection.Upsert(doc.Terugbelverzoeken, x => x.TerugbelverzoekId == t.TerugbelverzoekId, t, x => x.Version, x => x.DueAt),
    };

    private static KlantbeeldDocument Traject(KlantbeeldDocument doc, TrajectView t) => doc with
    {
        Trajecten = KlantbeeldProjection.Upsert(doc.Trajecten, x => x.TrajectId == t.TrajectId, t, x => x.Version, x => x.TrajectId),
    };

    private static KlantbeeldDocument Bezwaar(KlantbeeldDocument doc, BezwaarView b) => doc with
    {
        Bezwaren = KlantbeeldProjection.Upsert(doc.Bezwaren, x => x.BezwaarId == b.BezwaarId, b, x => x.Version, x => x.ReceivedOn),
    };

    private static KlantbeeldDocument Herkeuring(KlantbeeldDocument doc, HerkeuringView h) => doc with
    {
        Herkeuringsaanvragen = KlantbeeldProjection.Upsert(doc.Herkeuringsaanvragen, x => x.AanvraagId == h.AanvraagId, h, x => x.Version, x => x.ReceivedOn),
    };

    /// <summary>
    /// A verzoek's state only moves forward (open, picked-up, answered); an event for an earlier state fills in its moment
    /// without rolling the state back. Applying an event twice changes nothing.
    /// </summary>
    private static KlantbeeldDocument Verzoek(KlantbeeldDocument doc, Guid id, string state,
        Func<HerbeoordelingsverzoekView, HerbeoordelingsverzoekView> fill, HerbeoordelingsverzoekView created)
    {
        var existing = doc.Herbeoordelingsverzoeken.FirstOrDefault(v => v.VerzoekId == id);
        var updated = existing is null ? created : fill(Rank(state) > Rank(existing.State) ? existing with { State = state } : existing);
        if (updated == existing)
        {
            return doc;
        }
        return doc with
        {
            Herbeoordelingsverzoeken = doc.Herbeoordelingsverzoeken.Where(v => v.VerzoekId != id).Append(updated)
                .OrderBy(v => v.OpenedAt ?? v.PickedUpAt ?? v.AnsweredAt).ThenBy(v => v.VerzoekId).ToList(),
        };
    }

    private static int Rank(string state) => state switch { "open" => 1, "picked-up" => 2, "answered" => 3, _ => 0 };

    private static IReadOnlyList<ContactView> Recent(IReadOnlyList<ContactView> contacts) =>
        contacts.Count <= MaxContacts ? contacts : contacts.Skip(contacts.Count - MaxContacts).ToList();
}
