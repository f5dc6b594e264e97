using Uwv.Contracts.Events;

namespace Uwv.Handover.Domain;

/// <summary>The rules names the gate answers FAILED_PRECONDITION with.</summary>
public static class GateRules
{
    public const string NazorgDone = "nazorg-done";
    public const string WarmHandover = "warm-handover";
    public const string WrittenMessageAfterUnansweredAttempts = "written-message-after-unanswered-attempts";
}

/// <summary>
/// When nazorg is done: a reached call in which the client understood the outcome and knows what comes next; or,
/// after the configured number of unanswered attempts spread over enough distinct working days, a written message.
/// A teamleider's override also opens the gate (and is counted separately).
/// </summary>
public static class NazorgGate
{
    public static bool IsDoneByContact(NazorgLog log, HandoverRules rules) =>
        ReachedAttempt(log) is not null || (UnansweredAttemptsSuffice(log, rules) && log.Messages.Count > 0);

    public static bool IsOpen(NazorgLog log, HandoverRules rules) =>
        !rules.RequireNazorg || log.Override is not null || IsDoneByContact(log, rules);

    /// <summary>The first reached attempt that checked the outcome and the next steps, 1-based; null when none.</summary>
    public static int? ReachedAttempt(NazorgLog log)
    {
        for (var i = 0; i < log.Attempts.Count; i++)
        {
            var a = log.Attempts[i];
            if (a.Reached && a.UnderstandsOutcome && a.KnowsNextSteps)
            {
                return i + 1;
            }
        }
        return null;
    }

    /// <summary>Enough unanswered attempts, on enough distinct working days (office time zone), for a written message.</summary>
    public static bool UnansweredAttemptsSuffice(NazorgLog log, HandoverRules rules)
    {
        var unanswered = log.Attempts.Where(a => !a.Reached).ToList();
        if (unanswered.Count < rules.UnansweredAttemptsBeforeWrittenMessage)
        {
            return false;
        }
        var office = rules.OfficeHours;
        var days = unanswered
            .Select(a => office.DateOf(a.AttemptedAt))
            .Where(office.WorkingDays.IsWorkingDay)
            .Distinct()
            .Count();
        return days >= rules.UnansweredAttemptsMinWorkingDays;
    }

    /// <summary>What the nazorg KPIs count about a handover at its transfer.</summary>
    public static NazorgSummary Summarize(NazorgLog log, HandoverRules rules)
    {
        var byContact = IsDoneByContact(log, rules);
        var reachedAt = ReachedAttempt(log);
        return new NazorgSummary(
            Required: rules.RequireNazorg,
            Done: byContact,
            Overridden: rules.RequireNazorg && !byContact && log.Override is not null,
            Attempts: log.Attempts.Count,
            ReachedAtAttempt: reachedAt,
            WrittenMessage: reachedAt is null && byContact);
    }
}
