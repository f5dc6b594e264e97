namespace Uwv.ServiceDefaults.Bus;

/// <summary>The broker's own count of consumers on queues: what it delivers to, whatever the bus believes.</summary>
public interface IQueueConsumerCounts
{
    /// <summary>Consumers per queue; null for a queue the broker could not be asked about (unreachable, no such queue).</summary>
    Task<IReadOnlyDictionary<string, long?>> CountAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken);
}
