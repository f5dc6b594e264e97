using Uwv.Contracts.Events;

namespace Uwv.Handover.Domain;

/// <summary>Everything the decider needs to know about one handover. Immutable: a decision returns a new one.</summary>
public sealed record HandoverState
{
    public required Guid HandoverId { get; init; }
    public required Guid ClientId { get; init; }
    /// <summary>The sending division's dossier.</summary>
    public required Guid DossierId { get; init; }
    public required Guid LineageId { get; init; }
    public required DivisionCode From { get; init; }
    public required DivisionCode To { get; init; }
    public required string AreaTeam { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public required long Version { get; init; }
    public required string Reason { get; init; }
    public string? OpenQuestions { get; init; }
    public required string RequestedBy { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public NazorgLog Nazorg { get; init; } = NazorgLog.Empty;
    public bool WarmHandoverRequired { get; init; }
    public string? ReceivingColleague { get; init; }
    public bool WarmHandoverConfirmed { get; init; }
    public DateTimeOffset? TransferredAt { get; init; }
    /// <summary>The deadline of the awaited action (acceptance, or the sender's follow-up after a return).</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>When the SLA sweeper escalates next; null when no escalation is pending.</summary>
    public DateTimeOffset? NextEscalationAt { get; init; }
    /// <summary>0 none, 1 teamleider, 2 manager.</summary>
    public int EscalationLevel { get; init; }
    public bool Casusoverleg { get; init; }
    /// <summary>What the casusoverleg agreed (recorded once by the teamleider); null while none is recorded.</summary>
    public CasusoverlegOutcome? CasusoverlegOutcome { get; init; }
    public string? ReturnReasonCategory { get; init; }
    public string? ReturnReason { get; init; }
    public string? CancelReason { get; init; }

    public Guid ReceivingDossierId => DossierIds.ReceivingDossier(HandoverId);

    public HandoverSnapshot Snapshot() => new(
        HandoverId, DossierId, LineageId, From, To, AreaTeam, Kind, Status, Version, RequestedAt,
        TransferredAt, DueAt, EscalationLevel, WarmHandoverRequired, Casusoverleg);
}

/// <summary>The outcome of a casusoverleg: what the team agreed, who recorded it, when.</summary>
public sealed record CasusoverlegOutcome(string Outcome, string By, DateTimeOffset At);

/// <summary>A rule the command breaks; answered as FAILED_PRECONDITION naming <see cref="Rule"/>.</summary>
public sealed record Refusal(string Rule, string Explanation);

/// <summary>The outcome of a command: the new state and the events to publish, or a refusal (and then nothing changes).</summary>
public sealed record Decision(HandoverState? State, IReadOnlyList<IClientEvent> Events, Refusal? Refusal)
{
    public static Decision Refuse(string rule, string explanation) => new(null, [], new Refusal(rule, explanation));

    public static Decision Unchanged(HandoverState state) => new(state, [], null);
}
