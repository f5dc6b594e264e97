namespace Uwv.ServiceDefaults.Outbox;

/// <summary>
/// An integration event written in the same transaction as the change it describes.
/// The relay publishes it and then stamps <see cref="SentAt"/>; a crash in between publishes it again,
/// which consumers absorb because <see cref="MessageId"/> is the MassTransit MessageId they deduplicate on.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>W3C traceparent of the request that caused the change, so the trace continues over the bus.</summary>
    public string? TraceParent { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A message a consumer has handled; its key makes consumers idempotent.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
