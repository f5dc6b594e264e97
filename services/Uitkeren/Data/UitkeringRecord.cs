using Uwv.Contracts.Uitkeren.V1;

namespace Uwv.Uitkeren.Data;

/// <summary>An uitkering: type, period and gross monthly amount in cents.</summary>
public sealed class UitkeringRecord
{
    public Guid UitkeringId { get; set; }
    public Guid ClientId { get; set; }
    public Guid DossierId { get; set; }
    public required string AreaTeam { get; set; }
    public UitkeringType Type { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public long MonthlyAmountCents { get; set; }
    public required string GrantedBy { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public string? RequestId { get; set; }
    public long Version { get; set; }
}
