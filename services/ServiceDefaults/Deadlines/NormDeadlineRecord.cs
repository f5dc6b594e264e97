using Uwv.Contracts.Events;

namespace Uwv.ServiceDefaults.Deadlines;

/// <summary>
/// The durable deadline of one service norm for one piece of work (<see cref="SubjectId"/>). The sweep fires its
/// warning and its escalation once each; the owning division resolves it in the same SaveChanges as the work.
/// <see cref="ClientId"/> and <see cref="AreaTeam"/> make it the client's work, so it follows the client on a move.
/// </summary>
public sealed class NormDeadlineRecord
{
    public Guid DeadlineId { get; set; }
    public Guid ClientId { get; set; }
    public required string Norm { get; set; }
    public string Category { get; set; } = "";
    public Guid SubjectId { get; set; }
    public DivisionCode Division { get; set; }
    public required string AreaTeam { get; set; }
    public DateTimeOffset? WarnAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public DateTimeOffset? WarnedAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Outcome { get; set; }
    /// <summary>Set while the term is suspended (a herstel verzuim under Awb 4:15): the deadline neither warns nor escalates.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }
    /// <summary>How often in a row the sweep failed to fire this deadline; reset when it fires.</summary>
    public int FailedAttempts { get; set; }
    /// <summary>After a failed attempt the sweep leaves the deadline alone until this moment, so it cannot block the others.</summary>
    public DateTimeOffset? RetryAt { get; set; }
    /// <summary>Optimistic concurrency: every change increments it, so two sweepers cannot both fire one deadline.</summary>
    public long Version { get; set; }
}
