using System.Collections.Concurrent;

namespace Uwv.ServiceDefaults.Grpc;

/// <summary>
/// How many calls each gRPC service of this process serves at once. Past the limit a call is refused at once instead of
/// waiting inside the process, so an overload costs the callers a retry and the process no memory (issue: bounded
/// memory under overload). One gate per process; each service counts apart, so the single-process host limits each
/// service as its own process would.
/// </summary>
public sealed class InFlightGate(int limit)
{
    private readonly ConcurrentDictionary<string, StrongBox> _inFlight = new(StringComparer.Ordinal);

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "the limit of calls in flight must be positive");

    /// <summary>Takes a place for a call of <paramref name="service"/>; false when all places are taken (then nothing is held).</summary>
    public bool TryEnter(string service)
    {
        var box = _inFlight.GetOrAdd(service, _ => new StrongBox());
        if (Interlocked.Increment(ref box.Value) <= Limit)
        {
            return true;
        }
        Interlocked.Decrement(ref box.Value);
        return false;
    }

    /// <summary>Gives back the place a successful <see cref="TryEnter"/> took.</summary>
    public void Exit(string service)
    {
        if (_inFlight.TryGetValue(service, out var box))
        {
            Interlocked.Decrement(ref box.Value);
        }
    }

    public int InFlight(string service) => _inFlight.TryGetValue(service, out var box) ? Volatile.Read(ref box.Value) : 0;

    private sealed class StrongBox
    {
        public int Value;
    }
}
