namespace Uwv.Contracts.Events;

/// <summary>
/// Every integration event concerns one client and records when it happened at its source.
/// Events are published only through a service's outbox; the outbox row id is the MassTransit MessageId,
/// which consumers use as their idempotency key.
/// </summary>
public interface IClientEvent
{
    Guid ClientId { get; }
    DateTimeOffset OccurredAt { get; }
}
