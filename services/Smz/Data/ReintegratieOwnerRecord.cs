namespace Uwv.Smz.Data;

/// <summary>Who owns a client's re-integratie after SMZ's beoordeling (the WGA safeguard), one row per client.</summary>
public sealed class ReintegratieOwnerRecord
{
    public Guid ClientId { get; set; }
    public required string AreaTeam { get; set; }
    public bool Wga { get; set; }
    /// <summary>"werkbedrijf", "not-needed", or null.</summary>
    public string? Owner { get; set; }
    public Guid? HandoverId { get; set; }
    public string? Reason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RequestId { get; set; }
    public long Version { get; set; }
}
