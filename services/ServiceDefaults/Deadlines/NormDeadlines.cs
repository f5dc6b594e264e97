using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.ServiceDefaults.Deadlines;

/// <summary>One piece of work a norm watches: which norm, for what, of whom, and the division and team that do it.</summary>
public sealed record NormSubject(string Norm, string Category, Guid SubjectId, Guid ClientId, DivisionCode Division, string AreaTeam);

/// <summary>
/// How a division sets, moves and resolves its norms' deadlines. Nothing commits here: the caller's SaveChanges commits
/// the deadline and its event together with the change to the work.
/// </summary>
public static class NormDeadlines
{
    public static NormDeadlineRecord SetNorm(this DivisionDbContext db, NormSubject subject, NormTerm term, DateTimeOffset now)
    {
        var deadline = new NormDeadlineRecord
        {
            DeadlineId = Guid.NewGuid(),
            ClientId = subject.ClientId,
            Norm = subject.Norm,
            Category = subject.Category,
            SubjectId = subject.SubjectId,
            Division = subject.Division,
            AreaTeam = subject.AreaTeam,
            WarnAt = term.WarnAt,
            DueAt = term.DueAt,
            SetAt = now,
            Version = 1,
        };
        db.NormDeadlines.Add(deadline);
        db.Publish(SetEvent(deadline, now), now);
        return deadline;
    }

    /// <summary>The open deadline of <paramref name="norm"/> for <paramref name="subjectId"/>, tracked; also one added in this unit of work.</summary>
    public static async Task<NormDeadlineRecord?> OpenNormAsync(this DivisionDbContext db, string norm, Guid subjectId, CancellationToken ct) =>
        db.NormDeadlines.Local.FirstOrDefault(d => d.Norm == norm && d.SubjectId == subjectId && d.ResolvedAt is null)
        ?? await db.NormDeadlines.Where(d => d.Norm == norm && d.SubjectId == subjectId && d.ResolvedAt == null)
            .OrderByDescending(d => d.SetAt).FirstOrDefaultAsync(ct);

    /// <summary>Moves the open deadline to <paramref name="term"/> (same DeadlineId, a new NormDeadlineSet); no change, no event.</summary>
    public static void MoveNorm(this DivisionDbContext db, NormDeadlineRecord deadline, NormTerm term, DateTimeOffset now)
    {
        if (!NormRules.Changes(deadline, term))
        {
            return;
        }
        NormRules.Move(deadline, term, now);
        deadline.Version++;
        db.Publish(SetEvent(deadline, now), now);
    }

    /// <summary>
    /// Suspends the open deadline (Awb 4:15 herstel verzuim: the term stands still and its end is not known until the
    /// defect is repaired). It keeps its last term but neither warns nor escalates; <see cref="MoveNorm"/> with the
    /// new term ends the suspension.
    /// </summary>
    public static void SuspendNorm(this DivisionDbContext db, NormDeadlineRecord deadline, DateTimeOffset now)
    {
        if (NormRules.Suspend(deadline, now))
        {
            deadline.Version++;
        }
    }

    /// <summary>Ends the deadline with <paramref name="outcome"/> (one of <see cref="NormOutcomes"/>), the work done at <paramref name="resolvedAt"/>.</summary>
    public static void ResolveNorm(this DivisionDbContext db, NormDeadlineRecord deadline, string outcome, DateTimeOffset resolvedAt, DateTimeOffset now)
    {
        if (deadline.ResolvedAt is not null)
        {
            return;
        }
        deadline.ResolvedAt = resolvedAt.ToUniversalTime();
        deadline.Outcome = outcome;
        deadline.Version++;
        db.Publish(new NormDeadlineResolved(deadline.DeadlineId, deadline.ClientId, deadline.Norm, deadline.Category, deadline.SubjectId,
            deadline.Division, deadline.AreaTeam, deadline.DueAt, deadline.ResolvedAt.Value, outcome, outcome == NormOutcomes.Met,
            deadline.EscalatedAt is not null, now), now);
    }

    /// <summary>Resolves the open deadline of <paramref name="norm"/> for <paramref name="subjectId"/>, if any, by its due moment.</summary>
    public static async Task ResolveOpenNormAsync(
        this DivisionDbContext db, string norm, Guid subjectId, Func<DateTimeOffset, string> outcome, DateTimeOffset resolvedAt, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.OpenNormAsync(norm, subjectId, ct) is { } deadline)
        {
            db.ResolveNorm(deadline, outcome(deadline.DueAt), resolvedAt, now);
        }
    }

    internal static NormDeadlineSet SetEvent(NormDeadlineRecord d, DateTimeOffset now) =>
        new(d.DeadlineId, d.ClientId, d.Norm, d.Category, d.SubjectId, d.Division, d.AreaTeam, d.WarnAt, d.DueAt, now);

    internal static NormDeadlineWarned WarnedEvent(NormDeadlineRecord d, DateTimeOffset now) =>
        new(d.DeadlineId, d.ClientId, d.Norm, d.Category, d.SubjectId, d.Division, d.AreaTeam, d.DueAt, now);

    internal static NormDeadlineEscalated EscalatedEvent(NormDeadlineRecord d, DateTimeOffset now) =>
        new(d.DeadlineId, d.ClientId, d.Norm, d.Category, d.SubjectId, d.Division, d.AreaTeam, NormRules.EscalationLevel, d.DueAt, now);
}
