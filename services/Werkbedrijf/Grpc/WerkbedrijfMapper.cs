using System.Globalization;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Werkbedrijf.Data;

namespace Uwv.Werkbedrijf.Grpc;

/// <summary>Werkbedrijf's records on the wire.</summary>
internal static class WerkbedrijfMapper
{
    public static Traject ToProto(TrajectRecord t, IEnumerable<TrajectItemRecord> items, IEnumerable<TrajectPhaseChangeRecord> changes)
    {
        var list = items.ToList();
        return new Traject
        {
            TrajectId = t.TrajectId.ToString(),
            ClientId = t.ClientId.ToString(),
            DossierId = t.DossierId.ToString(),
            Phase = t.Phase,
            Doelen = { list.Where(i => i.Kind == TrajectItemRecord.Doel).Select(ToProto) },
            Afspraken = { list.Where(i => i.Kind == TrajectItemRecord.Afspraak).Select(ToProto) },
            PhaseHistory =
            {
                changes.Select(c => new PhaseChange
                {
                    FromPhase = c.FromPhase, ToPhase = c.ToPhase, Note = c.Note ?? "", ChangedBy = c.ChangedBy, ChangedAt = Iso(c.ChangedAt),
                }),
            },
            StartedAt = Iso(t.StartedAt),
            Version = t.Version,
        };
    }

    public static Herbeoordelingsverzoek ToProto(HerbeoordelingsverzoekRecord v) => new()
    {
        VerzoekId = v.VerzoekId.ToString(),
        ClientId = v.ClientId.ToString(),
        DossierId = v.DossierId.ToString(),
        AreaTeam = v.AreaTeam,
        Reason = v.Reason,
        State = v.State,
        OpenedAt = Iso(v.OpenedAt),
        PickedUpBy = v.PickedUpBy ?? "",
        PickedUpAt = Iso(v.PickedUpAt),
        AnsweredAt = Iso(v.AnsweredAt),
        AoChanged = v.AoChanged,
        Outcome = v.Outcome ?? "",
    };

    private static TrajectItem ToProto(TrajectItemRecord i) => new()
    {
        Description = i.Description,
        DueOn = i.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        RecordedBy = i.RecordedBy,
        RecordedAt = Iso(i.RecordedAt),
    };

    private static string Iso(DateTimeOffset? at) => at?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "";
}
