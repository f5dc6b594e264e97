using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.Host.Demo;

/// <summary>
/// Seeds the demo in the background once the host has started (so readiness is not delayed): at the first start,
/// <see cref="DemoOptions.Clients"/> clients with histories; with <see cref="DemoOptions.Simulate"/>, one more client's
/// history every interval after that. Progress is kept in demo.json in the data folder, so a restart goes on where it was.
/// </summary>
public sealed partial class DemoSeeder(
    IOptions<DemoOptions> options,
    IConfiguration configuration,
    DevTokenIssuer issuer,
    IHostApplicationLifetime lifetime,
    Uwv.Calendar.OfficeHours office,
    TimeProvider clock,
    MassTransit.IBus bus,
    IServiceScopeFactory scopes,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    private sealed record Progress(int Seed, long Seeded, long Simulated);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        var demo = options.Value;
        var markerPath = Path.Combine(Path.GetFullPath(configuration["Data:Directory"] ?? "data"), "demo.json");
        var progress = Read(markerPath) is { } stored && stored.Seed == demo.Seed ? stored : new Progress(demo.Seed, 0, 0);
        using var api = new DemoApi(new Uri(configuration["Services:gateway-grpc"]!), issuer);
        var replay = new LineageReplay(api, demo, new DemoWork(api), office, bus);
        try
        {
            if (await new KpiHistoryLoader(scopes, office).LoadAsync(demo, Today(), stoppingToken))
            {
                LogHistoryLoaded(logger, demo.Days);
            }
            if (progress.Seeded < demo.Clients)
            {
                progress = await SeedAsync(replay, demo, progress, markerPath, stoppingToken);
            }
            if (demo.Simulate)
            {
                await SimulateAsync(replay, demo, progress, markerPath, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; demo.json says how far the demo got.
        }
    }

    private async Task<Progress> SeedAsync(LineageReplay replay, DemoOptions demo, Progress progress, string markerPath, CancellationToken ct)
    {
        LogSeeding(logger, demo.Clients - progress.Seeded, demo.Clients);
        var done = progress.Seeded;
        var failed = 0;
        var today = Today();
        await Parallel.ForEachAsync(LongRange(progress.Seeded, demo.Clients), new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, demo.Parallelism),
            CancellationToken = ct,
        }, async (index, token) =>
        {
            if (!await TryReplayAsync(replay, index, today, token))
            {
                Interlocked.Increment(ref failed);
            }
            var count = Interlocked.Increment(ref done);
            if (count % 250 == 0)
            {
                LogProgress(logger, count, demo.Clients);
            }
        });
        progress = progress with { Seeded = demo.Clients };
        Write(markerPath, progress);
        LogSeeded(logger, demo.Clients, failed);
        return progress;
    }

    private async Task SimulateAsync(LineageReplay replay, DemoOptions demo, Progress progress, string markerPath, CancellationToken ct)
    {
        LogSimulating(logger, demo.SimulateInterval);
        using var timer = new PeriodicTimer(demo.SimulateInterval, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            await TryReplayAsync(replay, demo.Clients + progress.Simulated, Today(), ct);
            progress = progress with { Simulated = progress.Simulated + 1 };
            Write(markerPath, progress);
        }
    }

    private async Task<bool> TryReplayAsync(LineageReplay replay, long index, DateOnly today, CancellationToken ct)
    {
        try
        {
            await replay.ReplayAsync(index, today, ct);
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            // One client's history that the platform refuses must not stop the demo; the status says why.
            LogReplayFailed(logger, index, ex.StatusCode, ex.Status.Detail);
            return false;
        }
    }

    private DateOnly Today() => office.DateOf(clock.GetUtcNow());

    private static IEnumerable<long> LongRange(long from, long to)
    {
        for (var i = from; i < to; i++)
        {
            yield return i;
        }
    }

    private static Progress? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<Progress>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Write(string path, Progress progress)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(progress));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: seeding {Count} of {Total} Arnhem clients with their histories in the background")]
    private static partial void LogSeeding(ILogger logger, long count, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Done} of {Total} clients seeded")]
    private static partial void LogProgress(ILogger logger, long done, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Total} clients seeded ({Failed} histories refused by the platform)")]
    private static partial void LogSeeded(ILogger logger, int total, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: the area teams' handover figures of the past {Days} days loaded")]
    private static partial void LogHistoryLoaded(ILogger logger, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: simulating new work every {Interval}")]
    private static partial void LogSimulating(ILogger logger, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo: the history of lineage {Index} was refused: {Status} {Detail}")]
    private static partial void LogReplayFailed(ILogger logger, long index, StatusCode status, string detail);
}
