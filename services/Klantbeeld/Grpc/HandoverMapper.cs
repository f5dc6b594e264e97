using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Grpc;

/// <summary>The handover service's part of the picture on the wire.</summary>
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
    }
}
