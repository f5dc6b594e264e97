namespace Uwv.Uitkeren.Data;

/// <summary>SMZ decided a WIA claimbeoordeling (learned from the bus): a voorschot is no longer for a pending claim.</summary>
public sealed class WiaClaimDecisionRecord
{
    public Guid BeoordelingId { get; set; }
    public Guid ClientId { get; set; }
    public DateOnly DecisionDate { get; set; }
}
