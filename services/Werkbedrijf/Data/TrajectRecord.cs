using Uwv.Contracts.Werkbedrijf.V1;

namespace Uwv.Werkbedrijf.Data;

/// <summary>A re-integratietraject in one of the phases of the integrative conversation model.</summary>
public sealed class TrajectRecord
{
    public Guid TrajectId { get; set; }
    public Guid ClientId { get; set; }
    public Guid DossierId { get; set; }
    public required string AreaTeam { get; set; }
    public TrajectPhase Phase { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public required string StartedBy { get; set; }
    public string? RequestId { get; set; }
    public long Version { get; set; }
}
