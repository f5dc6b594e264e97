using System.Globalization;
using Uwv.Contracts.Events;
using Uwv.Contracts.Smz.V1;
using Uwv.Smz.Data;
using Uwv.Smz.Domain;

namespace Uwv.Smz.Grpc;

/// <summary>SMZ's work records on the wire and on the bus (never medical content).</summary>
internal static class SmzMapper
{
    public static Herkeuringsaanvraag ToProto(HerkeuringsaanvraagRecord h, DateOnly today) => new()
    {
        AanvraagId = h.AanvraagId.ToString(),
        ClientId = h.ClientId.ToString(),
        AreaTeam = h.AreaTeam,
        ReceivedOn = Iso(h.ReceivedOn),
        CallDueOn = Iso(h.CallDueOn),
        CalledOn = Iso(h.CalledOn),
        UnansweredCalls = h.UnansweredCalls,
        Late = HerkeuringSla.IsLate(h.CallDueOn, h.CalledOn, today),
        Version = h.Version,
    };

    public static Wga80100Contact ToProto(Wga80100MonitoringRecord w, DateOnly today) => new()
    {
        ClientId = w.ClientId.ToString(),
        AreaTeam = w.AreaTeam,
        Since = Iso(w.Since),
        LastContactOn = Iso(w.LastContactOn),
        NextContactDueOn = Iso(w.NextContactDueOn),
        Overdue = Wga80100Monitoring.IsOverdue(w.NextContactDueOn, today),
    };

    public static Herbeoordelingsverzoek ToProto(SmzVerzoekRecord v) => new()
    {
        VerzoekId = v.VerzoekId.ToString(),
        ClientId = v.ClientId.ToString(),
        AreaTeam = v.AreaTeam,
        Reason = v.Reason,
        State = v.State,
        ReceivedAt = Iso(v.ReceivedAt),
        PickedUpBy = v.PickedUpBy ?? "",
        PickedUpAt = Iso(v.PickedUpAt),
        AnsweredAt = Iso(v.AnsweredAt),
        BeoordelingId = v.BeoordelingId?.ToString() ?? "",
        AoChanged = v.AoChanged,
        Outcome = v.Outcome ?? "",
        Version = v.Version,
    };

    public static HerkeuringsaanvraagReceived Received(HerkeuringsaanvraagRecord h, DateTimeOffset now) =>
        new(h.AanvraagId, h.ClientId, h.AreaTeam, h.ReceivedOn, h.CallDueOn, h.CalledOn, h.Version, now);

    public static HerkeuringCallRecorded CallRecorded(HerkeuringsaanvraagRecord h, DateTimeOffset now) =>
        new(h.AanvraagId, h.ClientId, h.AreaTeam, h.ReceivedOn, h.CallDueOn, h.CalledOn, h.Version, now);

    public static AoOutcome Outcome(BeoordelingRecord b) => new(b.BeoordelingId, b.AoKlasse, b.AoPercentage, b.DecisionDate, b.RecordedAt);

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Iso(DateTimeOffset? at) => at?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "";
}
