namespace Uwv.Handover.Data;

/// <summary>
/// A counter increment a handover write committed and <see cref="PendingKpis"/> has not yet added to
/// <c>kpi_counters</c> (decision 0039). One row per key and write, for the day only: the fold adds the month and year
/// rollups. Readers never see it: the dashboard folds what is pending before it reads.
/// </summary>
public sealed class KpiCounterIncrement
{
    public Guid Id { get; set; }
    /// <summary>yyyyMMdd, as <see cref="KpiCounter.Period"/> of a day row.</summary>
    public int Day { get; set; }
    public required string Team { get; set; }
    public int FromDivision { get; set; }
    public int ToDivision { get; set; }
    public required string Metric { get; set; }
    public long Value { get; set; }
}

/// <summary>A gauge increment a handover write committed, not yet added to <c>kpi_gauges</c> (decision 0039).</summary>
public sealed class KpiGaugeIncrement
{
    public Guid Id { get; set; }
    public required string Team { get; set; }
    public int Division { get; set; }
    public required string Metric { get; set; }
    public long Value { get; set; }
}
