using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Uwv.ServiceDefaults.Telemetry;

/// <summary>The platform's own trace source and meters (next to ASP.NET Core's, gRPC's and MassTransit's).</summary>
public static class UwvTelemetry
{
    public const string Name = "Uwv";

    /// <summary>Bus header with the time the event's change committed, for the projection lag metric.</summary>
    public const string CreatedAtHeader = "uwv-created-at";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> OutboxPublished =
        Meter.CreateCounter<long>("uwv.outbox.published", description: "Outbox rows published to the bus");

    public static readonly Counter<long> EndpointRestarts =
        Meter.CreateCounter<long>("uwv.bus.endpoint_restarts", description: "Receive endpoints restarted by the watchdog after their reconnect gave up");

    public static readonly Counter<long> BusRestarts =
        Meter.CreateCounter<long>("uwv.bus.restarts", description: "Buses restarted on a new broker connection by the watchdog, because an endpoint healthy by the bus had no consumer at the broker");

    public static readonly Histogram<double> ProjectionLag =
        Meter.CreateHistogram<double>("uwv.klantbeeld.projection_lag", "ms", "Time from the change's commit to visible in the klantbeeld");
}
