namespace Uwv.Uitkeren.Data;

/// <summary>An overpayment recovered from the client, with its reason.</summary>
public sealed class TerugvorderingRecord
{
    public Guid TerugvorderingId { get; set; }
    public Guid ClientId { get; set; }
    public required string AreaTeam { get; set; }
    public Guid? UitkeringId { get; set; }
    /// <summary>The voorschot or inkomsten signal that caused it, when it was not recorded by hand.</summary>
    public Guid? SourceId { get; set; }
    public long AmountCents { get; set; }
    public required string Reason { get; set; }
    public DateOnly RecordedOn { get; set; }
    public required string RecordedBy { get; set; }
    public string? RequestId { get; set; }
}
