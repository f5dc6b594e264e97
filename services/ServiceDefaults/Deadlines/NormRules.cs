using Uwv.Contracts.Events;

namespace Uwv.ServiceDefaults.Deadlines;

/// <summary>What a sweep does with a deadline at a moment.</summary>
public enum NormStep
{
    None,
    Warn,
    Escalate,
}

/// <summary>
/// The rules of a norm's deadline. Pure: a deadline warns once when its warning moment has come and it is not yet due;
/// it escalates once (to the teamleider) when its due moment has passed with the work open, warned or not; a resolved
/// deadline does nothing, and neither does a suspended one. The work resolves it met (done by the due moment), late,
/// not-reached or void.
/// </summary>
public static class NormRules
{
    public const string EscalationLevel = "teamleider";

    public static NormStep Next(NormDeadlineRecord d, DateTimeOffset now)
    {
        if (d.ResolvedAt is not null || d.EscalatedAt is not null || d.SuspendedAt is not null)
        {
            return NormStep.None;
        }
        if (now > d.DueAt)
        {
            return NormStep.Escalate;
        }
        return d.WarnedAt is null && d.WarnAt is { } warnAt && now >= warnAt ? NormStep.Warn : NormStep.None;
    }

    /// <summary>Done at <paramref name="doneAt"/>: met by the due moment, late after it; not reaching the client is never met.</summary>
    public static string Outcome(DateTimeOffset dueAt, DateTimeOffset doneAt, bool reached = true) =>
        !reached ? NormOutcomes.NotReached : doneAt <= dueAt ? NormOutcomes.Met : NormOutcomes.Late;

    /// <summary>
    /// The deadline moved (a verdaging or uitstel of the beslistermijn, or the end of a suspension): the same deadline with
    /// the new term, no longer suspended. A warning given for the old term is given again for the new one when its moment
    /// is still to come; an escalation stays given.
    /// </summary>
    public static void Move(NormDeadlineRecord d, NormTerm term, DateTimeOffset now)
    {
        d.SuspendedAt = null;
        d.DueAt = term.DueAt;
        d.WarnAt = term.WarnAt;
        if (d.WarnedAt is not null && d.EscalatedAt is null && term.WarnAt is { } warnAt && warnAt > now)
        {
            d.WarnedAt = null;
        }
        d.SetAt = now;
    }

    /// <summary>Whether moving to <paramref name="term"/> changes anything (ending a suspension always does).</summary>
    public static bool Changes(NormDeadlineRecord d, NormTerm term) => d.DueAt != term.DueAt || d.WarnAt != term.WarnAt || d.SuspendedAt is not null;

    /// <summary>The term is suspended from <paramref name="now"/>: false when it already was (nothing changes).</summary>
    public static bool Suspend(NormDeadlineRecord d, DateTimeOffset now)
    {
        if (d.SuspendedAt is not null || d.ResolvedAt is not null)
        {
            return false;
        }
        d.SuspendedAt = now;
        return true;
    }

    /// <summary>The longest a failing deadline waits before the sweep tries it again.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    /// <summary>
    /// How long the sweep leaves a deadline alone after its <paramref name="failedAttempts"/>-th failure in a row: one
    /// minute, doubling, at most <see cref="MaxRetryDelay"/>. The due query skips it meanwhile, so deadlines that keep
    /// failing cannot fill every batch and starve the ones behind them.
    /// </summary>
    public static TimeSpan RetryDelay(int failedAttempts)
    {
        var minutes = Math.Pow(2, Math.Clamp(failedAttempts, 1, 30) - 1);
        return minutes >= MaxRetryDelay.TotalMinutes ? MaxRetryDelay : TimeSpan.FromMinutes(minutes);
    }
}
