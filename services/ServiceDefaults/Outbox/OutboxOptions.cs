namespace Uwv.ServiceDefaults.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Off only to show that events written while no relay runs are published once it starts.</summary>
    public bool RelayEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Publish every stored event again at start. The embedded default keeps its read model in process memory,
    /// so it rebuilds it this way; consumers are idempotent, so a replay changes nothing else.
    /// </summary>
    public bool ReplayOnStart { get; set; }

    /// <summary>
    /// Fault-test hook: the relay publishes every message this many extra times with the same MessageId, to show that
    /// consumers absorb redeliveries. Not bound from the Outbox section: only Bus:Faults:DuplicateDeliveries sets it, and
    /// only outside Production (see BusExtensions.AddUwvBus).
    /// </summary>
    public int DuplicateDeliveries { get; internal set; }
}
