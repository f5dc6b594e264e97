namespace Uwv.ServiceDefaults.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Off only to show that events written while no relay runs are published once it starts.</summary>
    public bool RelayEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long a count of the unsent rows (the metric uwv.outbox.backlog) is reused: collecting the metric more often
    /// does not query the database more often.
    /// </summary>
    public TimeSpan BacklogCountInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Publish every stored event again at start. The embedded default keeps its read model in process memory,
    /// so it rebuilds it this way; consumers are idempotent, so a replay changes nothing else.
    /// </summary>
    public bool ReplayOnStart { get; set; }

    /// <summary>
    /// How long a sent row is kept before <see cref="OutboxRetention{TContext}"/> deletes it; unset or zero keeps sent rows
    /// for ever (the default), and ReplayOnStart turns retention off. Off by default because RebuildKlantbeeld
    /// recreates the read model from every stored event: with retention on, a rebuild recreates only what the kept
    /// events describe, so turn it on only together with a rebuild that does not need the full history.
    /// </summary>
    public TimeSpan? RetainSentFor { get; set; }

    /// <summary>
    /// Fault-test hook: the relay publishes every message this many extra times with the same MessageId, to show that
    /// consumers absorb redeliveries. Not bound from the Outbox section: only Bus:Faults:DuplicateDeliveries sets it, and
    /// only outside Production (see BusExtensions.AddUwvBus).
    /// </summary>
    public int DuplicateDeliveries { get; internal set; }
}
