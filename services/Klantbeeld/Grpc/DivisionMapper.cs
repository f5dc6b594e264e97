using System.Globalization;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Grpc;

/// <summary>The divisions' part of the picture on the wire.</summary>
internal static class DivisionMapper
{
    public static void Fill(Contracts.Klantbeeld.V1.Klantbeeld result, KlantbeeldDocument doc)
    {
        result.Beoordelingen.AddRange(doc.Beoordelingen.Select(b => new BeoordelingOutcome
        {
            BeoordelingId = b.BeoordelingId.ToString(),
            Type = b.Type,
            AoKlasse = b.AoKlasse,
            FmlSummary = b.FmlSummary,
            DecisionDate = b.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
    }
}
