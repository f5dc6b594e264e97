namespace Uwv.Werkbedrijf.Data;

/// <summary>A doel or afspraak recorded in a traject.</summary>
public sealed class TrajectItemRecord
{
    public const string Doel = "doel";
    public const string Afspraak = "afspraak";

    public long Id { get; set; }
    public Guid TrajectId { get; set; }
    public required string Kind { get; set; }
    public required string Description { get; set; }
    public DateOnly? DueOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
