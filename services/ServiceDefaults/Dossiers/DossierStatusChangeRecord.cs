namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>One row of a dossier's status history: who changed it, when, from which status to which, and why.</summary>
public sealed class DossierStatusChangeRecord
{
    public long Id { get; set; }
    public Guid DossierId { get; set; }
    /// <summary>Empty for the row that records the opening.</summary>
    public required string FromStatus { get; set; }
    public required string ToStatus { get; set; }
    public required string Reason { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
