using Uwv.Contracts.Smz.V1;

namespace Uwv.Smz.Data;

/// <summary>A finished beoordeling. <see cref="MedicalNotes"/> is medical content: it never leaves SMZ.</summary>
public sealed class BeoordelingRecord
{
    public Guid BeoordelingId { get; set; }
    public Guid ClientId { get; set; }
    public Guid DossierId { get; set; }
    public BeoordelingType Type { get; set; }
    public AoKlasse AoKlasse { get; set; }
    public required string FmlSummary { get; set; }
    public DateOnly DecisionDate { get; set; }
    public string? MedicalNotes { get; set; }
    /// <summary>The verzekeringsarts and/or arbeidsdeskundige who performed it (subject ids).</summary>
    public string? Verzekeringsarts { get; set; }
    public string? Arbeidsdeskundige { get; set; }
    /// <summary>The AO percentage, when known; it falls in <see cref="AoKlasse"/>.</summary>
    public int? AoPercentage { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RequestId { get; set; }
}
