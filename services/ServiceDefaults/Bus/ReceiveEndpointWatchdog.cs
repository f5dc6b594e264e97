using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Telemetry;

namespace Uwv.ServiceDefaults.Bus;

/// <summary>
/// Reads the bus's endpoint health every <see cref="BusWatchdogOptions.Interval"/> and restarts (stop, then start) each
/// receive endpoint that <see cref="EndpointWatch"/> finds down for too long, so a consumer whose reconnect gave up
/// resumes without a process restart. With a broker to ask (<see cref="IQueueConsumerCounts"/>), it also restarts the
/// whole bus, on a new connection, when <see cref="OrphanWatch"/> finds an endpoint that is healthy by the bus while its
/// queue has no consumer by the broker. The outbox keeps the producer side; this keeps the consumer side.
/// </summary>
public sealed partial class ReceiveEndpointWatchdog(
    IBusControl bus,
    IOptions<BusWatchdogOptions> options,
    TimeProvider clock,
    ILogger<ReceiveEndpointWatchdog> logger,
    IQueueConsumerCounts? broker = null) : BackgroundService
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly EndpointWatch _watch = new(options.Value.RestartAfter);
    private readonly OrphanWatch _orphans = new(options.Value.OrphanedAfter);
    private bool _busStopped;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failing look must not end the watchdog, nor (as an unhandled background failure) the process.
                LogCheckFailed(ex);
            }
        }
    }

    /// <summary>Whether the endpoint (by input address) has been seen ready, so that it is restarted when it stays down.</summary>
    public bool IsWatching(string endpoint) => _watch.IsWatching(endpoint);

    /// <summary>How often this watchdog has restarted the bus (each time on a new broker connection).</summary>
    public int BusRestarts { get; private set; }

    private async Task CheckOnceAsync(CancellationToken ct)
    {
        if (_busStopped)
        {
            // The last restart stopped the bus but could not start it: starting it again comes before anything else.
            await StartBusAsync(ct);
            return;
        }
        var health = bus.CheckHealth();
        if (health.Endpoints is not { Count: > 0 } endpoints)
        {
            return;
        }
        var due = _watch.Observe(endpoints.Select(e => (e.Key, e.Value.Status == BusHealthStatus.Healthy)), clock.GetUtcNow());
        foreach (var name in due)
        {
            await RestartEndpointAsync(name, endpoints[name], ct);
        }
        if (broker is not null)
        {
            await LookForOrphansAsync(endpoints, ct);
        }
    }

    private async Task RestartEndpointAsync(string name, EndpointHealthResult endpoint, CancellationToken ct)
    {
        if (endpoint.ReceiveEndpoint is not { } receiveEndpoint)
        {
            return;
        }
        LogRestarting(name, _watch.RestartAfter.TotalSeconds, endpoint.Description);
        try
        {
            // A transport stuck in a broker call may not stop promptly: the watchdog does not wait on it for ever.
            await receiveEndpoint.Stop(ct).WaitAsync(StopTimeout, clock, ct);
            receiveEndpoint.Start(ct);
            UwvTelemetry.EndpointRestarts.Add(1, new KeyValuePair<string, object?>("endpoint", name));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRestartFailed(ex, name);
        }
    }

    private async Task LookForOrphansAsync(IReadOnlyDictionary<string, EndpointHealthResult> endpoints, CancellationToken ct)
    {
        // Each endpoint once: healthy by the bus or not, and the durable queue behind it, if any.
        var seen = endpoints
            .Select(e => (Endpoint: e.Key, Healthy: e.Value.Status == BusHealthStatus.Healthy, Queue: BrokerQueue.DurableQueueOf(e.Key)))
            .ToList();
        var asked = seen.Where(e => e.Healthy && e.Queue is not null).Select(e => e.Queue!).Distinct(StringComparer.Ordinal).ToList();
        var counts = asked.Count == 0 ? new Dictionary<string, long?>() : await broker!.CountAsync(asked, ct);
        var snapshot = seen.Select(e => (e.Endpoint, e.Healthy, e.Queue is not null && counts.TryGetValue(e.Queue, out var count) ? count : null));
        var orphaned = _orphans.Observe(snapshot, clock.GetUtcNow());
        if (orphaned.Count > 0)
        {
            LogOrphaned(string.Join(", ", orphaned), _orphans.RestartAfter.TotalSeconds);
            await RestartBusAsync(ct);
        }
    }

    private async Task RestartBusAsync(CancellationToken ct)
    {
        _orphans.Restarted();
        _busStopped = true;
        var stopping = clock.GetTimestamp();
        try
        {
            // Stopping the bus closes its connection; the next start opens a new one and consumes on new channels. The
            // stop is not cut short: MassTransit starts a bus again only once its stop has run to the end, and on a dead
            // connection that end comes after the broker calls' own timeouts.
            await bus.StopAsync(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogBusStopFailed(ex);
        }
        LogBusStopped(clock.GetElapsedTime(stopping).TotalSeconds);
        await StartBusAsync(ct);
    }

    private async Task StartBusAsync(CancellationToken ct)
    {
        try
        {
            using var starting = CancellationTokenSource.CreateLinkedTokenSource(ct);
            starting.CancelAfter(StartTimeout);
            await bus.StartAsync(starting.Token);
            _busStopped = false;
            _orphans.Restarted();
            BusRestarts++;
            UwvTelemetry.BusRestarts.Add(1);
            LogBusRestarted();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogBusStartFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Receive endpoint {Endpoint} has not been healthy for {Seconds} s ({Description}); restarting it")]
    private partial void LogRestarting(string endpoint, double seconds, string? description);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the bus's endpoint health failed; the next check tries again")]
    private partial void LogCheckFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restarting receive endpoint {Endpoint} failed; it is tried again once it has been down for another RestartAfter")]
    private partial void LogRestartFailed(Exception exception, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Receive endpoints {Endpoints} are healthy by the bus, but the broker has had no consumer on their queues for {Seconds} s; restarting the bus on a new connection")]
    private partial void LogOrphaned(string endpoints, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The bus stopped for its restart in {Seconds:F1} s")]
    private partial void LogBusStopped(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus was restarted on a new broker connection")]
    private partial void LogBusRestarted();

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping the bus for its restart failed; it is started again regardless")]
    private partial void LogBusStopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting the bus after its restart failed; the next check starts it again")]
    private partial void LogBusStartFailed(Exception exception);
}
