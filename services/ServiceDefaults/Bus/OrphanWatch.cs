namespace Uwv.ServiceDefaults.Bus;

/// <summary>
/// Decides when the bus must be restarted because a receive endpoint consumes nothing while MassTransit calls it
/// healthy. That happens when the client library never tells MassTransit that the broker closed its channels: the
/// endpoint then never faults and never reconnects, and <see cref="EndpointWatch"/>, which reads only the bus's own
/// health, cannot see it. The broker can: the endpoint's queue has no consumer. An endpoint that is healthy while its
/// queue has had no consumer for <c>restartAfter</c> is orphaned. A MassTransit reconnect never looks like this (the
/// endpoint is unhealthy until its consumer is registered again), so a short window is safe.
/// </summary>
public sealed class OrphanWatch(TimeSpan restartAfter)
{
    private readonly Dictionary<string, DateTimeOffset> _orphanedSince = new(StringComparer.Ordinal);

    public TimeSpan RestartAfter { get; } = restartAfter > TimeSpan.Zero
        ? restartAfter
        : throw new ArgumentOutOfRangeException(nameof(restartAfter), restartAfter, "must be positive");

    /// <summary>
    /// Takes one snapshot (endpoint, healthy by the bus, consumers of its queue by the broker or null when unknown) and
    /// returns the endpoints that have been orphaned for <see cref="RestartAfter"/>. Only uninterrupted evidence counts:
    /// an unhealthy endpoint, a consumer, or an unknown count starts the wait over.
    /// </summary>
    public IReadOnlyList<string> Observe(IEnumerable<(string Endpoint, bool Healthy, long? Consumers)> snapshot, DateTimeOffset now)
    {
        var due = new List<string>();
        foreach (var (endpoint, healthy, consumers) in snapshot)
        {
            if (!healthy || consumers is not 0)
            {
                _orphanedSince.Remove(endpoint);
                continue;
            }
            if (!_orphanedSince.TryAdd(endpoint, now) && now - _orphanedSince[endpoint] >= RestartAfter)
            {
                due.Add(endpoint);
            }
        }
        return due;
    }

    /// <summary>After a restart of the bus every endpoint gets a whole <see cref="RestartAfter"/> again.</summary>
    public void Restarted() => _orphanedSince.Clear();
}
