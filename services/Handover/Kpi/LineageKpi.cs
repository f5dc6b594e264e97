using Uwv.Contracts.Events;

namespace Uwv.Handover.Kpi;

/// <summary>
/// What the KPI projection remembers per dossier lineage so that dossier-level KPIs (ping-pong rate, first-time-right,
/// flow time) are counted once per dossier. A lineage has at most one open handover at a time.
/// </summary>
public sealed record LineageKpi
{
    public required Guid LineageId { get; init; }
    public required string Team { get; init; }
    /// <summary>The day of the lineage's first transfer: dossier-level counters are booked on it.</summary>
    public DateOnly? CohortDay { get; init; }
    public DivisionCode CohortFrom { get; init; }
    public DivisionCode CohortTo { get; init; }
    public bool PingPonged { get; init; }
    /// <summary>Returned, ping-ponged or overridden at least once: not first-time-right.</summary>
    public bool Spoiled { get; init; }
    public DateTimeOffset? EpisodeStart { get; init; }
    public DivisionCode EpisodeFrom { get; init; }
    public double WaitMinutes { get; init; }
    public DateTimeOffset? WaitingSince { get; init; }
    public bool EscalationOpen { get; init; }
    /// <summary>The day and pair of the open escalation: its resolution is booked there (cohort).</summary>
    public DateOnly? EscalatedDay { get; init; }
    public string? EscalatedTeam { get; init; }
    public DivisionCode EscalatedFrom { get; init; }
    public DivisionCode EscalatedTo { get; init; }
}

/// <summary>What the projection remembers per herbeoordelingsverzoek: when it was opened.</summary>
public sealed record VerzoekKpi(Guid VerzoekId, string Team, DateTimeOffset OpenedAt);

/// <summary>The outcome of applying one event: the lineage's new KPI state and the counter and gauge increments.</summary>
public sealed record KpiUpdate(LineageKpi? Lineage, IReadOnlyList<KpiDelta> Counters, IReadOnlyList<GaugeDelta> Gauges)
{
    public static readonly KpiUpdate None = new(null, [], []);
}
