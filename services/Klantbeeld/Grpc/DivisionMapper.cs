using System.Globalization;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Calendar;
using Uwv.Klantbeeld.Domain;
using Uwv.ServiceDefaults.Contacts;

namespace Uwv.Klantbeeld.Grpc;

/// <summary>The divisions' part of the picture on the wire (fields 20-49). "Current" and "overdue" are as of the answer.</summary>
internal static class DivisionMapper
{
    public static void Fill(Contracts.Klantbeeld.V1.Klantbeeld result, KlantbeeldDocument doc, DateTimeOffset now, OfficeHours office)
    {
        var today = office.DateOf(now);
        result.Beoordelingen.AddRange(doc.Beoordelingen.Select(b => new BeoordelingOutcome
        {
            BeoordelingId = b.BeoordelingId.ToString(),
            Type = b.Type,
            AoKlasse = b.AoKlasse,
            FmlSummary = b.FmlSummary,
            DecisionDate = Iso(b.DecisionDate),
        }));
        result.Uitkeringen.AddRange(doc.Uitkeringen.Select(u => new UitkeringSummary
        {
            UitkeringId = u.UitkeringId.ToString(),
            Type = u.Type,
            StartDate = Iso(u.StartDate),
            EndDate = Iso(u.EndDate),
            MonthlyAmountCents = u.MonthlyAmountCents,
            Current = u.StartDate <= today && (u.EndDate is null || u.EndDate >= today),
        }));
        result.Voorschotten.AddRange(doc.Voorschotten.Select(v => new VoorschotSummary
        {
            VoorschotId = v.VoorschotId.ToString(),
            Status = v.Status,
            StartDate = Iso(v.StartDate),
            MonthlyAmountCents = v.MonthlyAmountCents,
            UnansweredCalls = v.UnansweredCalls,
            EmailSentOn = Iso(v.EmailSentOn),
            SettledOn = Iso(v.SettledOn),
        }));
        result.Terugvorderingen.AddRange(doc.Terugvorderingen.Select(t => new TerugvorderingSummary
        {
            TerugvorderingId = t.TerugvorderingId.ToString(), AmountCents = t.AmountCents, Reason = t.Reason, RecordedOn = Iso(t.RecordedOn),
        }));
        result.Contacts.AddRange(doc.Contacts.Select(c => new ContactSummary
        {
            ContactId = c.ContactId.ToString(),
            Division = KlantbeeldMapper.ToProto(c.Division),
            Channel = c.Channel,
            Subject = c.Subject,
            Reached = c.Reached,
            ContactAt = KlantbeeldMapper.Iso(c.ContactAt),
        }));
        result.Terugbelverzoeken.AddRange(doc.Terugbelverzoeken.Select(t => new TerugbelverzoekSummary
        {
            TerugbelverzoekId = t.TerugbelverzoekId.ToString(),
            Division = KlantbeeldMapper.ToProto(t.Division),
            Subject = t.Subject,
            WwQuestion = t.WwQuestion,
            DueAt = KlantbeeldMapper.Iso(t.DueAt),
            CompletedAt = t.CompletedAt is { } done ? KlantbeeldMapper.Iso(done) : "",
            Overdue = TerugbelTermijn.IsOverdue(t.DueAt, t.CompletedAt, now),
        }));
        result.Herbeoordelingsverzoeken.AddRange(doc.Herbeoordelingsverzoeken.Select(v => new HerbeoordelingsverzoekSummary
        {
            VerzoekId = v.VerzoekId.ToString(),
            State = v.State,
            OpenedAt = Iso(v.OpenedAt),
            PickedUpAt = Iso(v.PickedUpAt),
            AnsweredAt = Iso(v.AnsweredAt),
            AoChanged = v.AoChanged,
            Outcome = v.Outcome ?? "",
        }));
        result.Reintegratietrajecten.AddRange(doc.Trajecten.Select(t => new ReintegratietrajectSummary
        {
            TrajectId = t.TrajectId.ToString(), Phase = t.Phase, Doelen = t.Doelen, Afspraken = t.Afspraken,
        }));
        result.Bezwaren.AddRange(doc.Bezwaren.Select(b => new BezwaarSummary
        {
            BezwaarId = b.BezwaarId.ToString(),
            DecisionDivision = KlantbeeldMapper.ToProto(b.DecisionDivision),
            ReceivedOn = Iso(b.ReceivedOn),
            BeslistermijnEndsOn = Iso(b.BeslistermijnEndsOn),
            Status = b.Status,
            Outcome = b.Outcome ?? "",
            ContactDueOn = Iso(b.ContactDueOn),
            ContactedOn = Iso(b.ContactedOn),
            HoorzittingOn = Iso(b.HoorzittingOn),
            DwangsomFrom = Iso(b.DwangsomFrom),
        }));
        result.Herkeuringsaanvragen.AddRange(doc.Herkeuringsaanvragen.Select(h => new HerkeuringSummary
        {
            AanvraagId = h.AanvraagId.ToString(),
            ReceivedOn = Iso(h.ReceivedOn),
            CallDueOn = Iso(h.CallDueOn),
            CalledOn = Iso(h.CalledOn),
            Late = h.CalledOn is { } called ? called > h.CallDueOn : today > h.CallDueOn,
        }));
    }

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Iso(DateTimeOffset? at) => at is { } value ? KlantbeeldMapper.Iso(value) : "";
}
