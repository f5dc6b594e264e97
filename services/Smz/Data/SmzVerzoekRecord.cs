using Uwv.Contracts.Smz.V1;

namespace Uwv.Smz.Data;

/// <summary>A herbeoordelingsverzoek from Werkbedrijf as SMZ works it: received from the bus, picked up, answered.</summary>
public sealed class SmzVerzoekRecord
{
    public Guid VerzoekId { get; set; }
    public Guid ClientId { get; set; }
    public required string AreaTeam { get; set; }
    public required string Reason { get; set; }
    public VerzoekState State { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? PickedUpBy { get; set; }
    public DateTimeOffset? PickedUpAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public Guid? BeoordelingId { get; set; }
    public bool AoChanged { get; set; }
    public string? Outcome { get; set; }
    public long Version { get; set; }
}
