namespace Uwv.ServiceDefaults.Bus;

/// <summary>Settings of <see cref="ReceiveEndpointWatchdog"/> (section Bus:Watchdog).</summary>
public sealed class BusWatchdogOptions
{
    public const string Section = "Bus:Watchdog";

    /// <summary>How often the bus's endpoint health is read.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an endpoint that was ready may stay unhealthy before it is restarted: twice MassTransit's longest wait
    /// between its own reconnect attempts (30 s), so the watchdog acts only when that reconnect has given up.
    /// </summary>
    public TimeSpan RestartAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long an endpoint may be healthy by the bus while the broker counts no consumer on its queue before the bus is
    /// restarted. A reconnect never looks like that (the endpoint is unhealthy until its consumer is registered), so
    /// three looks at the default interval are enough.
    /// </summary>
    public TimeSpan OrphanedAfter { get; set; } = TimeSpan.FromSeconds(15);
}
