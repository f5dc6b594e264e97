using Uwv.Calendar;
using Uwv.Contracts.Events;
using M = Uwv.Handover.Kpi.KpiMetrics;

namespace Uwv.Handover.Kpi;

/// <summary>What the KPI projection remembers of one norm deadline, so that it is counted once whatever the order or repetition of its events.</summary>
public sealed record NormDeadlineKpi
{
    public required Guid DeadlineId { get; init; }
    public required string Norm { get; init; }
    public required string Category { get; init; }
    /// <summary>The day, team and division the escalation was booked on; null while not escalated.</summary>
    public DateOnly? EscalatedDay { get; init; }
    public string? EscalatedTeam { get; init; }
    public DivisionCode EscalatedDivision { get; init; }
    /// <summary>The outcome once resolved (one of <see cref="NormOutcomes"/>); a deadline resolves once.</summary>
    public string? Outcome { get; init; }
}

/// <summary>
/// The norm measures as a pure function of (deadline memory, norm event): compliance counted once per deadline on the
/// day its work was done, escalations once per deadline on the day they fired, and an escalation's resolution booked
/// on that same day (cohort), so for any period fired = resolved + still open. Counters are per area team and owning
/// division (from-division <see cref="M.NoDivision"/>).
/// </summary>
public static class NormKpi
{
    private const int MaxCategoryLength = 20;

    /// <summary>The share the sources name as the target, per norm ("beslistermijn": SZW's 95.8% on time, seed 002).</summary>
    public static double TargetOf(string norm) => norm == Norms.Beslistermijn ? 0.958 : 0;

    public static bool IsNormEvent(IClientEvent e) => e is NormDeadlineSet or NormDeadlineWarned or NormDeadlineEscalated or NormDeadlineResolved;

    public static Guid DeadlineOf(IClientEvent e) => e switch
    {
        NormDeadlineSet s => s.DeadlineId,
        NormDeadlineWarned w => w.DeadlineId,
        NormDeadlineEscalated x => x.DeadlineId,
        NormDeadlineResolved r => r.DeadlineId,
        _ => throw new ArgumentException($"{e.GetType().Name} is not a norm event", nameof(e)),
    };

    /// <summary>The deadline's next memory (null: unchanged) and the counter increments of one event.</summary>
    public static (NormDeadlineKpi? Next, IReadOnlyList<KpiDelta> Counters) Apply(NormDeadlineKpi? known, IClientEvent e, OfficeHours office) => e switch
    {
        NormDeadlineSet s => (Remember(known, s.DeadlineId, s.Norm, s.Category), []),
        NormDeadlineWarned w => (Remember(known, w.DeadlineId, w.Norm, w.Category), []),
        NormDeadlineEscalated x => Escalated(Remember(known, x.DeadlineId, x.Norm, x.Category) ?? known!, x, office),
        NormDeadlineResolved r => Resolved(Remember(known, r.DeadlineId, r.Norm, r.Category) ?? known!, r, office),
        _ => (null, []),
    };

    /// <summary>Splits a counter's metric ("nr:norm|category|outcome") into its parts.</summary>
    public static (string Norm, string Category, string Outcome) Parse(string metric, string prefix)
    {
        var parts = metric[prefix.Length..].Split('|');
        return (parts[0], parts.Length > 1 ? parts[1] : "", parts.Length > 2 ? parts[2] : "");
    }

    private static (NormDeadlineKpi?, IReadOnlyList<KpiDelta>) Escalated(NormDeadlineKpi state, NormDeadlineEscalated e, OfficeHours office)
    {
        if (state.EscalatedDay is not null || state.Outcome is not null)
        {
            return (null, []);
        }
        var day = office.DateOf(e.OccurredAt);
        var next = state with { EscalatedDay = day, EscalatedTeam = e.AreaTeam, EscalatedDivision = e.Division };
        return (next, [new KpiDelta(e.AreaTeam, day, M.NoDivision, e.Division, M.NormEscalatedPrefix + Key(state), 1)]);
    }

    private static (NormDeadlineKpi?, IReadOnlyList<KpiDelta>) Resolved(NormDeadlineKpi state, NormDeadlineResolved e, OfficeHours office)
    {
        if (state.Outcome is not null || !IsOutcome(e.Outcome))
        {
            return (null, []);
        }
        var counters = new List<KpiDelta>
        {
            new(e.AreaTeam, office.DateOf(e.ResolvedAt), M.NoDivision, e.Division, $"{M.NormResolvedPrefix}{Key(state)}|{e.Outcome}", 1),
        };
        var next = state with { Outcome = e.Outcome };
        if (next.EscalatedDay is null && e.WasEscalated)
        {
            // The escalation's own event has not arrived (or never will): it fired when the deadline passed.
            next = next with { EscalatedDay = office.DateOf(e.DueAt), EscalatedTeam = e.AreaTeam, EscalatedDivision = e.Division };
            counters.Add(new KpiDelta(e.AreaTeam, next.EscalatedDay.Value, M.NoDivision, e.Division, M.NormEscalatedPrefix + Key(state), 1));
        }
        if (next.EscalatedDay is { } day)
        {
            counters.Add(new KpiDelta(next.EscalatedTeam!, day, M.NoDivision, next.EscalatedDivision, M.NormEscalationClosedPrefix + Key(state), 1));
        }
        return (next, counters);
    }

    /// <summary>The memory of a deadline seen for the first time; a known deadline keeps its norm and category.</summary>
    private static NormDeadlineKpi? Remember(NormDeadlineKpi? known, Guid deadlineId, string norm, string category) =>
        known is not null ? null : new NormDeadlineKpi { DeadlineId = deadlineId, Norm = Clean(norm, 30), Category = Clean(category, MaxCategoryLength) };

    private static string Key(NormDeadlineKpi state) => $"{state.Norm}|{state.Category}";

    private static bool IsOutcome(string outcome) =>
        outcome is NormOutcomes.Met or NormOutcomes.Late or NormOutcomes.NotReached or NormOutcomes.Void;

    /// <summary>Names go into a counter's metric: no separator, bounded length.</summary>
    private static string Clean(string value, int max)
    {
        var clean = (value ?? "").Replace('|', '-').Trim();
        return clean.Length <= max ? clean : clean[..max];
    }
}
