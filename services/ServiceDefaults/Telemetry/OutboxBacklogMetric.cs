using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.ServiceDefaults.Telemetry;

/// <summary>
/// The gauge uwv.outbox.backlog: rows of each service's outbox not yet published, tagged with the service. One gauge for
/// every outbox of the process (the single-process host has six). A hosted service only so that it exists from the start
/// and the meter factory disposes its meter with the host.
/// </summary>
internal sealed class OutboxBacklogMetric : IHostedService
{
    public const string Name = "uwv.outbox.backlog";

    public OutboxBacklogMetric(IMeterFactory meters, IEnumerable<IOutboxBacklog> backlogs)
    {
        var sources = backlogs.ToList();
        meters.Create(UwvTelemetry.Name).CreateObservableGauge(Name, () => Observe(sources), "{message}", "Outbox rows not yet published to the bus");
    }

    private static IEnumerable<Measurement<long>> Observe(List<IOutboxBacklog> sources)
    {
        foreach (var source in sources)
        {
            if (source.Current() is { } count)
            {
                yield return new Measurement<long>(count, new KeyValuePair<string, object?>("service", source.Service));
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
