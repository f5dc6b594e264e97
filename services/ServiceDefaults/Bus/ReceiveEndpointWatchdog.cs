using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Telemetry;

namespace Uwv.ServiceDefaults.Bus;

/// <summary>
/// Reads the bus's endpoint health every <see cref="BusWatchdogOptions.Interval"/> and restarts (stop, then start) each
/// receive endpoint that <see cref="EndpointWatch"/> finds down for too long, so a consumer whose reconnect gave up
/// resumes without a process restart. The outbox keeps the producer side; this keeps the consumer side.
/// </summary>
public sealed partial class ReceiveEndpointWatchdog(
    IBusControl bus,
    IOptions<BusWatchdogOptions> options,
    TimeProvider clock,
    ILogger<ReceiveEndpointWatchdog> logger) : BackgroundService
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly EndpointWatch _watch = new(options.Value.RestartAfter);

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

    private async Task CheckOnceAsync(CancellationToken ct)
    {
        var health = bus.CheckHealth();
        if (health.Endpoints is not { Count: > 0 } endpoints)
        {
            return;
        }
        var due = _watch.Observe(endpoints.Select(e => (e.Key, e.Value.Status == BusHealthStatus.Healthy)), clock.GetUtcNow());
        foreach (var name in due)
        {
            var endpoint = endpoints[name];
            if (endpoint.ReceiveEndpoint is not { } receiveEndpoint)
            {
                continue;
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
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Receive endpoint {Endpoint} has not been healthy for {Seconds} s ({Description}); restarting it")]
    private partial void LogRestarting(string endpoint, double seconds, string? description);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the bus's endpoint health failed; the next check tries again")]
    private partial void LogCheckFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restarting receive endpoint {Endpoint} failed; it is tried again once it has been down for another RestartAfter")]
    private partial void LogRestartFailed(Exception exception, string endpoint);
}
