using System.Collections.Concurrent;
using Grpc.Core;

namespace Uwv.FaultTests.Stream;

/// <summary>
/// A steady, modest stream of client journeys through the gateway (a few journeys at a time, paced to about ten calls a
/// second) that stops by itself. Every call carries a request id and is repeated with the same id while the platform
/// answers "unavailable" or the outcome is unknown, as a careful client would; a refusal is recorded as a failure.
/// </summary>
public sealed partial class FaultStream(PlatformClient client, int workers = 3, int callsPerSecond = 10)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a step may keep retrying after the stream's end before it is given up (a fault that never healed).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(75);

    private static readonly (string Team, string Postcode)[] Teams =
    [
        ("arnhem-noord", TestData.NoordPostcode), ("arnhem-zuid", TestData.ZuidPostcode), ("arnhem-centrum", TestData.CentrumPostcode),
    ];

    private static int _journeyNumber;

    private readonly ConcurrentQueue<Journey> _journeys = new();
    private readonly ConcurrentQueue<StepFailure> _failures = new();
    private readonly TimeSpan _pace = TimeSpan.FromMilliseconds(1000.0 * workers / callsPerSecond);
    private readonly TaskCompletionSource[] _reached = Enum.GetValues<Stage>().Select(_ => NewSignal()).ToArray();
    private long _endTicks;
    private int _calls;
    private int _retries;
    private string _lastTransient = "none";

    public IReadOnlyCollection<Journey> Journeys => _journeys;
    public IReadOnlyCollection<StepFailure> Failures => _failures;

    /// <summary>
    /// Starts journeys, <c>workers</c> at a time, until <paramref name="duration"/> has passed (or <see cref="EndAfter"/>
    /// ends it sooner); the journeys then under way are finished, each step given up at the end plus <see cref="Grace"/>.
    /// </summary>
    public Task RunAsync(TimeSpan duration)
    {
        Volatile.Write(ref _endTicks, (DateTime.UtcNow + duration).Ticks);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)));
    }

    /// <summary>Ends the stream <paramref name="delay"/> from now (if it would run longer), e.g. a little while after a fault healed.</summary>
    public void EndAfter(TimeSpan delay)
    {
        var end = (DateTime.UtcNow + delay).Ticks;
        if (end < End.Ticks)
        {
            Volatile.Write(ref _endTicks, end);
        }
    }

    private DateTime End => new(Volatile.Read(ref _endTicks), DateTimeKind.Utc);

    /// <summary>Completes when a journey next reaches <paramref name="stage"/> (for a transfer: its DossierTransferred is on its way).</summary>
    public Task NextAsync(Stage stage) => Volatile.Read(ref _reached[(int)stage]).Task;

    /// <summary>
    /// Drives a journey of the test's own up to <paramref name="until"/> (e.g. a handover left transferred), outside the
    /// stream's loop; it gives up when the platform has not done it within <see cref="Grace"/>.
    /// </summary>
    public async Task<Journey> DriveAsync(Stage until)
    {
        var journey = NewJourney(DateTime.UtcNow + Grace);
        await RunJourneyAsync(journey, until);
        return journey;
    }

    /// <summary>Takes a journey of the test's own further, up to <paramref name="until"/>, with a fresh <see cref="Grace"/>.</summary>
    public async Task ContinueAsync(Journey journey, Stage until)
    {
        journey.GiveUpAt = DateTime.UtcNow + Grace;
        await RunJourneyAsync(journey, until);
    }

    private Journey NewJourney(DateTime? giveUpAt)
    {
        var number = Interlocked.Increment(ref _journeyNumber);
        var (team, postcode) = Teams[number % Teams.Length];
        var journey = new Journey(number, team, postcode, giveUpAt);
        _journeys.Enqueue(journey);
        return journey;
    }

    /// <summary>A summary for the test output: how much happened, where the journeys are, and the platform's last "not now".</summary>
    public override string ToString() =>
        $"{_journeys.Count} journeys ({_journeys.Count(j => j.CompletedAt is not null)} complete; at " +
        string.Join(", ", _journeys.GroupBy(j => j.Stage).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")) +
        $"), {_calls} calls, {_retries} retried calls (last: {Volatile.Read(ref _lastTransient)}), {_failures.Count} failures";

    private async Task WorkAsync()
    {
        while (DateTime.UtcNow < End)
        {
            var journey = NewJourney(null);
            try
            {
                await RunJourneyAsync(journey, Stage.Finished);
            }
            catch (RpcException ex)
            {
                _failures.Enqueue(new StepFailure(journey.ToString(), $"{ex.StatusCode}: {ex.Status.Detail}"));
            }
            catch (TimeoutException ex)
            {
                _failures.Enqueue(new StepFailure(journey.ToString(), ex.Message));
            }
        }
    }

    /// <summary>
    /// One call, repeated with the same request while the answer is transient (or <paramref name="alsoRetry"/> says so)
    /// and the hard deadline has not passed.
    /// </summary>
    private async Task<T> CallAsync<T>(Journey journey, string user, Func<CallOptions, AsyncUnaryCall<T>> call, Func<RpcException, bool>? alsoRetry = null)
    {
        while (true)
        {
            try
            {
                var result = await call(new CallOptions(client.As(journey.User(user)), DateTime.UtcNow + CallTimeout)).ResponseAsync;
                Interlocked.Increment(ref _calls);
                await Task.Delay(_pace);
                return result;
            }
            catch (RpcException ex) when (Transient.IsTransient(ex) || alsoRetry?.Invoke(ex) == true)
            {
                var giveUpAt = journey.GiveUpAt ?? End + Grace;
                if (DateTime.UtcNow > giveUpAt)
                {
                    throw new TimeoutException($"gave up at {giveUpAt:HH:mm:ss}; last answer {ex.StatusCode}: {ex.Status.Detail}");
                }
                Interlocked.Increment(ref _retries);
                Volatile.Write(ref _lastTransient, $"{ex.StatusCode}: {ex.Status.Detail}");
                await Task.Delay(RetryDelay);
            }
        }
    }

    private void Signal(Stage stage) => Interlocked.Exchange(ref _reached[(int)stage], NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
