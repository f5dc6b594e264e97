using Uwv.Contracts.Werkbedrijf.V1;

namespace Uwv.Werkbedrijf.Data;

/// <summary>Werkbedrijf's copy of a herbeoordelingsverzoek to SMZ; SMZ's events move it forward.</summary>
public sealed class HerbeoordelingsverzoekRecord
{
    public Guid VerzoekId { get; set; }
    public Guid ClientId { get; set; }
    public Guid DossierId { get; set; }
    public required string AreaTeam { get; set; }
    public required string Reason { get; set; }
    public VerzoekState State { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public string? PickedUpBy { get; set; }
    public DateTimeOffset? PickedUpAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool AoChanged { get; set; }
    public string? Outcome { get; set; }
    public string? RequestId { get; set; }
}
