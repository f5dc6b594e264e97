using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Grpc;

/// <summary>The handover service's part of the picture on the wire (fields 9 and 50-69).</summary>
internal static class HandoverMapper
{
    public static void Fill(Contracts.Klantbeeld.V1.Klantbeeld result, KlantbeeldDocument doc)
    {
        result.Handovers.AddRange(doc.Handovers.Select(h => new HandoverSummary
        {
            HandoverId = h.HandoverId.ToString(),
            FromDivision = KlantbeeldMapper.ToProto(h.FromDivision),
            ToDivision = KlantbeeldMapper.ToProto(h.ToDivision),
            State = h.State,
            RequestedAt = KlantbeeldMapper.Iso(h.RequestedAt),
        }));
        result.OpenHandovers.AddRange(HandoverProjection.OpenHandovers(doc).Select(h => new OpenHandover
        {
            HandoverId = h.HandoverId.ToString(),
            FromDivision = KlantbeeldMapper.ToProto(h.FromDivision),
            ToDivision = KlantbeeldMapper.ToProto(h.ToDivision),
            State = h.State,
            DueAt = h.DueAt is { } due ? KlantbeeldMapper.Iso(due) : "",
            EscalationLevel = h.EscalationLevel,
            WarmHandoverRequired = h.WarmHandoverRequired,
            Casusoverleg = h.Casusoverleg,
            RequestedAt = KlantbeeldMapper.Iso(h.RequestedAt),
        }));
        result.KwetsbaarheidSignalen.AddRange(HandoverProjection.ActiveSignalen(doc).Select(s => new KwetsbaarheidSignaal
        {
            SignaalId = s.SignaalId.ToString(),
            Factor = (Contracts.Handover.V1.KwetsbaarheidFactor)(int)s.Factor,
            Note = s.Note,
            RecordedBy = s.RecordedBy,
            RecordedAt = KlantbeeldMapper.Iso(s.RecordedAt),
        }));
        result.Casusoverleg = doc.Handovers.Any(h => h.Casusoverleg);
    }
}
