using System.Diagnostics;
using Uwv.FaultTests.Invariants;
using Uwv.FaultTests.Stream;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Faults;

/// <summary>
/// The shape of every fault test: a stream of journeys is flowing; the test injects its fault and heals it; the stream
/// goes on a little after healing and stops by itself; then the stream must have had no refusals, must have made
/// progress after healing, and every invariant must hold.
/// </summary>
public sealed class FaultRun : IAsyncDisposable
{
    /// <summary>A safety bound only: a test ends its stream with <see cref="StopAsync"/> (or by disposing the run) long before.</summary>
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FirstJourney = TimeSpan.FromSeconds(90);

    private readonly FaultPlatformFixture _platform;
    private readonly ITestOutputHelper _output;
    private readonly Task _running;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private DateTimeOffset _healedAt = DateTimeOffset.UtcNow;
    private bool _stopped;

    private FaultRun(FaultPlatformFixture platform, ITestOutputHelper output)
    {
        _platform = platform;
        _output = output;
        Stream = new FaultStream(platform.Client);
        _running = Stream.RunAsync(MaxDuration);
    }

    public FaultStream Stream { get; }

    /// <summary>Starts the stream and returns once it flows end to end (a first journey completed).</summary>
    public static async Task<FaultRun> StartAsync(FaultPlatformFixture platform, ITestOutputHelper output)
    {
        var run = new FaultRun(platform, output);
        try
        {
            await run.Stream.NextAsync(Stage.Finished).WaitAsync(FirstJourney);
        }
        catch (TimeoutException)
        {
            await run.DisposeAsync();
            throw new TimeoutException($"The stream completed no journey within {FirstJourney.TotalSeconds} s, before any fault: {run.Stream}");
        }
        run.Log("stream flowing");
        return run;
    }

    public void Log(string what) => _output.WriteLine($"[{_watch.Elapsed.TotalSeconds,6:F1} s] {what}");

    /// <summary>The fault is healed from now on: the stream must complete journeys after this moment.</summary>
    public void Healed()
    {
        _healedAt = DateTimeOffset.UtcNow;
        Log("healed");
    }

    /// <summary>
    /// Lets the stream run <paramref name="more"/> (default 10 s) after healing and stops it: it must have had no refusals
    /// and must have completed journeys after the fault healed (or, without a fault that heals, after it started).
    /// </summary>
    public async Task StopAsync(TimeSpan? more = null)
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        Stream.EndAfter(more ?? TimeSpan.FromSeconds(10));
        await _running;
        Log("stream stopped: " + Stream);
        Stream.Failures.Select(f => $"{f.Journey}, next step: {f.LastError}").ShouldBeEmpty("the platform refused or never answered steps of the stream");
        Stream.Journeys.Count(j => j.CompletedAt > _healedAt).ShouldBeGreaterThan(0, $"no journey completed after {_healedAt:HH:mm:ss}");
    }

    /// <summary>Stops the stream (see <see cref="StopAsync"/>) and checks every invariant.</summary>
    public async Task FinishAsync(TimeSpan? more = null)
    {
        await StopAsync(more);
        await Invariants().AssertAllHoldAsync();
        Log("invariants hold");
    }

    /// <summary>The invariants, with owners and pictures checked for the clients of this test's journeys.</summary>
    public PlatformInvariants Invariants() =>
        new(_platform, _output, Stream.Journeys.Where(j => j.ClientId is not null).Select(j => Guid.Parse(j.ClientId!)).ToHashSet());

    /// <summary>A test that failed early still stops its stream before the next test starts.</summary>
    public async ValueTask DisposeAsync()
    {
        Stream.EndAfter(TimeSpan.Zero);
        try
        {
            await _running;
        }
        catch (Exception ex)
        {
            Log($"stream ended with {ex.GetType().Name}");
        }
    }
}
