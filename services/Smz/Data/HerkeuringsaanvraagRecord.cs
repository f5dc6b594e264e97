namespace Uwv.Smz.Data;

/// <summary>A client's herkeuringsaanvraag with the procesbegeleider's call SLA (a stored due date).</summary>
public sealed class HerkeuringsaanvraagRecord
{
    public Guid AanvraagId { get; set; }
    public Guid ClientId { get; set; }
    public Guid DossierId { get; set; }
    public required string AreaTeam { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly CallDueOn { get; set; }
    /// <summary>The day a call reached the client; null until then.</summary>
    public DateOnly? CalledOn { get; set; }
    public int UnansweredCalls { get; set; }
    public required string RegisteredBy { get; set; }
    public string? RequestId { get; set; }
    public long Version { get; set; }
}
