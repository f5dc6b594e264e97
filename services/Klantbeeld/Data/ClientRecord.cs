namespace Uwv.Klantbeeld.Data;

/// <summary>A client in the client register: the source the klantbeeld starts from.</summary>
public sealed class ClientRecord
{
    public Guid ClientId { get; set; }
    public required string Bsn { get; set; }
    public required string Name { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public required string Postcode { get; set; }
    public required string AreaTeam { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public string? RequestId { get; set; }
    public required string RegisteredBy { get; set; }
}
