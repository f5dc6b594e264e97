using Uwv.Contracts.Uitkeren.V1;

namespace Uwv.Uitkeren.Data;

/// <summary>A voorschot offered while the WIA claimbeoordeling is pending, with its call attempts.</summary>
public sealed class VoorschotRecord
{
    public Guid VoorschotId { get; set; }
    public Guid ClientId { get; set; }
    public Guid DossierId { get; set; }
    public required string AreaTeam { get; set; }
    public VoorschotStatus Status { get; set; }
    public long MonthlyAmountCents { get; set; }
    public DateOnly WiaAanvraagOn { get; set; }
    public DateOnly? StartDate { get; set; }
    public int UnansweredCalls { get; set; }
    public DateOnly? EmailSentOn { get; set; }
    public DateOnly? SettledOn { get; set; }
    public string? RequestId { get; set; }
    /// <summary>Who sent <see cref="RequestId"/>: a request id belongs to its caller.</summary>
    public string? RequestedBy { get; set; }
    public long Version { get; set; }
}
