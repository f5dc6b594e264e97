namespace Uwv.ServiceDefaults.Bus;

/// <summary>
/// Decides which receive endpoints to restart. MassTransit reconnects an endpoint by itself after a broker outage, with
/// exponential waits of at most 30 s; but when a reconnect attempt meets an error its retry policy does not classify as
/// transient, it gives up for good, says so only at Debug level, and the endpoint consumes nothing until the process
/// restarts. The watch restarts an endpoint that was ready once and has not been healthy for <c>restartAfter</c>: longer
/// than MassTransit's own reconnect takes, so an ordinary reconnect is never interrupted.
/// </summary>
public sealed class EndpointWatch(TimeSpan restartAfter)
{
    private readonly HashSet<string> _seenReady = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _downSince = new(StringComparer.Ordinal);

    public TimeSpan RestartAfter { get; } = restartAfter > TimeSpan.Zero
        ? restartAfter
        : throw new ArgumentOutOfRangeException(nameof(restartAfter), restartAfter, "must be positive");

    /// <summary>Whether the endpoint has been ready once, so that it is restarted when it stays down.</summary>
    public bool IsWatching(string endpoint) => _seenReady.Contains(endpoint);

    /// <summary>
    /// Takes one health snapshot (endpoint name, healthy or not) and returns the endpoints to restart now. An endpoint
    /// that was never ready is still being started by the bus and is left alone. After a restart the endpoint gets a
    /// whole <see cref="RestartAfter"/> again before the next one.
    /// </summary>
    public IReadOnlyList<string> Observe(IEnumerable<(string Endpoint, bool Healthy)> snapshot, DateTimeOffset now)
    {
        var due = new List<string>();
        foreach (var (endpoint, healthy) in snapshot)
        {
            if (healthy)
            {
                _seenReady.Add(endpoint);
                _downSince.Remove(endpoint);
                continue;
            }
            if (!_seenReady.Contains(endpoint))
            {
                continue;
            }
            if (!_downSince.TryGetValue(endpoint, out var since))
            {
                _downSince[endpoint] = now;
                continue;
            }
            if (now - since >= RestartAfter)
            {
                due.Add(endpoint);
                _downSince[endpoint] = now;
            }
        }
        return due;
    }
}
