namespace Uwv.Handover.Data;

/// <summary>
/// One KPI counter. <see cref="Period"/> is yyyyMMdd for a day row, yyyyMM00 for the month rollup and yyyy0000 for the
/// year rollup; all three are written with every increment, so a query over a long period reads year and month rows
/// plus at most two partial months of day rows. A counter is the sum of its rows over <see cref="Shard"/>.
/// </summary>
public sealed class KpiCounter
{
    public required string Team { get; set; }
    /// <summary>Which of the key's rows a transaction incremented (see <see cref="KpiStore.Shards"/>).</summary>
    public short Shard { get; set; }
    public int Period { get; set; }
    public int FromDivision { get; set; }
    public int ToDivision { get; set; }
    public required string Metric { get; set; }
    public long Value { get; set; }
}

/// <summary>A KPI level (open dossiers, open escalations) per area team and division: the sum of its rows over <see cref="Shard"/>.</summary>
public sealed class KpiGauge
{
    public required string Team { get; set; }
    public short Shard { get; set; }
    public int Division { get; set; }
    public required string Metric { get; set; }
    public long Value { get; set; }
}

/// <summary>The KPI projection's memory of one lineage (JSON of Kpi/LineageKpi).</summary>
public sealed class KpiLineageRecord
{
    public Guid LineageId { get; set; }
    public required string State { get; set; }
}

/// <summary>The KPI projection's memory of one herbeoordelingsverzoek.</summary>
public sealed class KpiVerzoekRecord
{
    public Guid VerzoekId { get; set; }
    public required string Team { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
}

/// <summary>The KPI projection's memory of one client's re-integratie ownership (from SMZ's ReintegratieOwnerChanged).</summary>
public sealed class KpiWgaClientRecord
{
    public Guid ClientId { get; set; }
    public required string Team { get; set; }
    public bool NeedsOwner { get; set; }
    public long Version { get; set; }
}

/// <summary>The KPI projection's memory of one norm deadline (JSON of Kpi/NormDeadlineKpi), so it is counted once.</summary>
public sealed class KpiNormDeadlineRecord
{
    public Guid DeadlineId { get; set; }
    public required string State { get; set; }
    /// <summary>Optimistic concurrency: two events of one deadline handled at once cannot both count.</summary>
    public int Version { get; set; }
}
