using Uwv.Contracts.Events;

namespace Uwv.Handover.Data;

/// <summary>A request to move a dossier from one division to another.</summary>
public sealed class HandoverRecord
{
    public Guid HandoverId { get; set; }
    public Guid ClientId { get; set; }
    public Guid DossierId { get; set; }
    public DivisionCode FromDivision { get; set; }
    public DivisionCode ToDivision { get; set; }
    public required string State { get; set; }
    public required string Reason { get; set; }
    public required string RequestedBy { get; set; }
    public required string Team { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? RequestId { get; set; }
    public long Version { get; set; }
}

/// <summary>Which division and team own a dossier, as learnt from the divisions' events.</summary>
public sealed class DossierOwnership
{
    public Guid DossierId { get; set; }
    public Guid ClientId { get; set; }
    public DivisionCode Division { get; set; }
    public required string Team { get; set; }
    public DateTimeOffset Since { get; set; }
}
