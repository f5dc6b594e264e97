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
    /// <summary>Who sent <see cref="RequestId"/>: a request id belongs to its caller.</summary>
    public string? RequestedBy { get; set; }
    /// <summary>
    /// Source time of the newest transfer or return applied to this dossier. A move that is older (delivered late, or
    /// processed alongside a newer one) changes nothing, so the lineage ends with the newest move's owner.
    /// </summary>
    public DateTimeOffset? LastMoveAt { get; set; }
    /// <summary>Optimistic concurrency: every change increments it; a stale write is refused with ABORTED.</summary>
    public long Version { get; set; }
}
