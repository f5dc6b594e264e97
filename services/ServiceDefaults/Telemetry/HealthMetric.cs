using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Uwv.ServiceDefaults.Telemetry;

/// <summary>
/// The gauge uwv.health.status: the last result of each /healthz check (2 Healthy, 1 Degraded, 0 Unhealthy; tag
/// <c>check</c>), so monitoring learns what /healthz says through the collector, without reaching into the namespace.
/// The checks run every 30 s (ASP.NET Core's health check publisher), only while the process records telemetry.
/// </summary>
internal sealed class HealthMetric : IHealthCheckPublisher
{
    public const string Name = "uwv.health.status";

    private readonly Lock _gate = new();
    private IReadOnlyList<(string Check, HealthStatus Status)> _last = [];

    public HealthMetric(IMeterFactory meters)
    {
        meters.Create(UwvTelemetry.Name).CreateObservableGauge(Name, Observe, description: "Last status of each /healthz check: 2 Healthy, 1 Degraded, 0 Unhealthy");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var last = report.Entries.Select(e => (e.Key, e.Value.Status)).ToList();
        lock (_gate)
        {
            _last = last;
        }
        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<int>> Observe()
    {
        IReadOnlyList<(string Check, HealthStatus Status)> last;
        lock (_gate)
        {
            last = _last;
        }
        return last.Select(e => new Measurement<int>((int)e.Status, new KeyValuePair<string, object?>("check", e.Check)));
    }
}
