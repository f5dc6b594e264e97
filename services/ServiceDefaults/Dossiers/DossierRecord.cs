using Uwv.Contracts.Events;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>One client's case within one division; owned by exactly one team and employee at a time.</summary>
public sealed class DossierRecord
{
    public Guid DossierId { get; set; }
    public Guid ClientId { get; set; }
    public DivisionCode Division { get; set; }
    public required string OwnerTeam { get; set; }
    public required string OwnerEmployee { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public string? RequestId { get; set; }
    /// <summary>Optimistic concurrency: every change increments it; a stale write is refused with ABORTED.</summary>
    public long Version { get; set; }
}
