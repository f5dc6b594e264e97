namespace Uwv.Klantbeeld.Audit;

/// <summary>One look at or change of personal data. Append-only; kept when the data it is about are deleted, until Audit:RetainFor has passed (AuditRetention).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>The id of the record on the bus: a redelivered record is stored once.</summary>
    public Guid AuditId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Subject { get; set; }
    public required string Role { get; set; }
    public required string Team { get; set; }
    public Guid? ClientId { get; set; }
    public required string Service { get; set; }
    public required string Method { get; set; }
    /// <summary>Which field groups were returned or written.</summary>
    public required string Fields { get; set; }
    public string? Purpose { get; set; }
    /// <summary>"allowed" or "denied".</summary>
    public required string Outcome { get; set; }
}
