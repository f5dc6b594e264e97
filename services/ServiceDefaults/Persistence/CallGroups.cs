using System.Threading.Channels;

namespace Uwv.ServiceDefaults.Persistence;

/// <summary>
/// Group commit of calls: items that arrive while groups are under way wait and go together in the next group, so under
/// load many calls share one round trip, and at low load an item goes alone at once. An item never joins a group that
/// has already started. A group that fails, or does not finish in time, fails every caller in it.
/// Used for audit records (<c>AuditLog</c>, decisions 0013 and 0034) and register lookups (<see cref="GroupedLookup{TKey,TValue}"/>).
/// </summary>
public sealed class CallGroups<TItem, TResult> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<Func<TItem, TResult>>> _run;
    private readonly int _maxGroup;
    private readonly int _maxInFlight;
    private readonly TimeSpan _timeout;
    private readonly string _timeoutFailure;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _inFlight;
    private readonly Task _pump;

    /// <param name="run">Runs one group and answers with each item's result.</param>
    /// <param name="maxGroup">The most items in one group.</param>
    /// <param name="maxInFlight">How many groups may run at a time; fewer make larger groups.</param>
    /// <param name="timeout">How long a group may take before its callers fail.</param>
    /// <param name="timeoutFailure">What a caller is told when its group took too long ("the lookup did not answer").</param>
    public CallGroups(
        Func<IReadOnlyList<TItem>, CancellationToken, Task<Func<TItem, TResult>>> run,
        int maxGroup,
        int maxInFlight,
        TimeSpan timeout,
        string timeoutFailure)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroup, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        _run = run;
        _maxGroup = maxGroup;
        _maxInFlight = maxInFlight;
        _timeout = timeout;
        _timeoutFailure = timeoutFailure;
        _inFlight = new SemaphoreSlim(maxInFlight);
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Completes with the item's result once its group has run.</summary>
    public Task<TResult> CallAsync(TItem item, CancellationToken ct)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("Shutting down: no more calls are taken");
        }
        return pending.Done.Task.WaitAsync(ct);
    }

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            await _inFlight.WaitAsync();
            var group = new List<Pending>();
            while (group.Count < _maxGroup && reader.TryRead(out var pending))
            {
                group.Add(pending);
            }
            if (group.Count == 0)
            {
                _inFlight.Release();
                continue;
            }
            _ = RunAsync(group);
        }
    }

    private async Task RunAsync(List<Pending> group)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_timeout);
            Func<TItem, TResult> resultOf;
            try
            {
                resultOf = await _run(group.ConvertAll(p => p.Item), timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                // Too slow is a failure of the group, not a cancelled call: the callers get UNAVAILABLE, as for a refusal.
                throw new TimeoutException($"{_timeoutFailure} within {_timeout.TotalSeconds} s");
            }
            group.ForEach(p => p.Done.TrySetResult(resultOf(p.Item)));
        }
        catch (Exception ex)
        {
            group.ForEach(p => p.Done.TrySetException(ex));
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump;
        for (var i = 0; i < _maxInFlight; i++)
        {
            await _inFlight.WaitAsync();
        }
        _inFlight.Dispose();
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}
