using Uwv.Contracts.Werkbedrijf.V1;

namespace Uwv.Werkbedrijf.Data;

/// <summary>One move of a traject to its next phase.</summary>
public sealed class TrajectPhaseChangeRecord
{
    public long Id { get; set; }
    public Guid TrajectId { get; set; }
    public TrajectPhase FromPhase { get; set; }
    public TrajectPhase ToPhase { get; set; }
    public string? Note { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
