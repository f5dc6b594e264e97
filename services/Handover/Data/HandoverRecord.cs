using Uwv.Contracts.Events;

namespace Uwv.Handover.Data;

/// <summary>A handover as stored: the decider's state (see Domain/HandoverState) in columns; the nazorg log as JSON.</summary>
public sealed class HandoverRecord
{
    public Guid HandoverId { get; set; }
    public Guid ClientId { get; set; }
    public Guid DossierId { get; set; }
    public Guid LineageId { get; set; }
    public DivisionCode FromDivision { get; set; }
    public DivisionCode ToDivision { get; set; }
    public required string Kind { get; set; }
    public required string State { get; set; }
    public required string Reason { get; set; }
    public string? OpenQuestions { get; set; }
    public required string RequestedBy { get; set; }
    public required string Team { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? RequestId { get; set; }
    public required string NazorgJson { get; set; }
    public bool WarmHandoverRequired { get; set; }
    public string? ReceivingColleague { get; set; }
    public bool WarmHandoverConfirmed { get; set; }
    public DateTimeOffset? TransferredAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? NextEscalationAt { get; set; }
    public int EscalationLevel { get; set; }
    public bool Casusoverleg { get; set; }
    public string? ReturnReasonCategory { get; set; }
    public string? ReturnReason { get; set; }
    public string? CancelReason { get; set; }
    public string? CasusoverlegOutcome { get; set; }
    public string? CasusoverlegBy { get; set; }
    public DateTimeOffset? CasusoverlegAt { get; set; }
    /// <summary>Optimistic concurrency: every transition increments it; a stale write is refused with ABORTED.</summary>
    public long Version { get; set; }
}

/// <summary>Which division and team own a dossier. Rows of one lineage (the same case across divisions): exactly one active.</summary>
public sealed class DossierOwnership
{
    public Guid DossierId { get; set; }
    public Guid LineageId { get; set; }
    public Guid ClientId { get; set; }
    public DivisionCode Division { get; set; }
    public required string Team { get; set; }
    public bool Active { get; set; }
    public DateTimeOffset Since { get; set; }
}

/// <summary>One change of owning division of a lineage: the history ping-pong detection reads.</summary>
public sealed class DossierMoveRecord
{
    public Guid MoveId { get; set; }
    public Guid LineageId { get; set; }
    public Guid HandoverId { get; set; }
    public DivisionCode FromDivision { get; set; }
    public DivisionCode ToDivision { get; set; }
    public required string Movement { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>An SLA deadline of a handover. The sweeper fires it once: the escalation event and <see cref="FiredAt"/> commit together.</summary>
public sealed class HandoverDeadline
{
    public Guid DeadlineId { get; set; }
    public Guid HandoverId { get; set; }
    /// <summary>The escalation level this deadline leads to (1 teamleider, 2 manager).</summary>
    public int Level { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A command already executed under a request id: a repeat answers the current handover and writes nothing.</summary>
public sealed class HandoverCommandRecord
{
    /// <summary>The caller who sent the request id: a request id belongs to its caller.</summary>
    public required string RequestedBy { get; set; }
    public required string RequestId { get; set; }
    public Guid HandoverId { get; set; }
    public required string Command { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A kwetsbaarheid signaal (observation, with consent). Never a score.</summary>
public sealed class SignaalRecord
{
    public Guid SignaalId { get; set; }
    public Guid ClientId { get; set; }
    public required string Team { get; set; }
    public KwetsbaarheidFactor Factor { get; set; }
    public required string Note { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RequestId { get; set; }
    /// <summary>Set when the signaal ended (history kept): it is no longer shown or handed over.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }
    public string? EndReason { get; set; }
    public bool ConsentWithdrawn { get; set; }
    public string? EndRequestId { get; set; }
}

/// <summary>One step of a handover's history (Domain/HandoverHistory), written with the decision that made it.</summary>
public sealed class HandoverHistoryRecord
{
    public Guid HandoverId { get; set; }
    /// <summary>The handover's version after the decision, and the event's place in it: the key, so a retried write adds nothing.</summary>
    public long Version { get; set; }
    public int Seq { get; set; }
    public DateTimeOffset At { get; set; }
    public required string What { get; set; }
    public required string By { get; set; }
    public string? Reason { get; set; }
    public string? Category { get; set; }
    public string? Level { get; set; }
    public string? Cause { get; set; }
    public bool Reached { get; set; }
    public string? Colleague { get; set; }
}
