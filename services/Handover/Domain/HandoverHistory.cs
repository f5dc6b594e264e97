using Uwv.Contracts.Events;

namespace Uwv.Handover.Domain;

/// <summary>One step of a handover's life as the employee reads it back: who did what, when and why.</summary>
public sealed record HistoryEntry(DateTimeOffset At, string What, string By)
{
    public string? Reason { get; init; }
    public string? Category { get; init; }
    public string? Level { get; init; }
    public string? Cause { get; init; }
    public bool Reached { get; init; }
    public string? Colleague { get; init; }
}

/// <summary>The steps a handover's history names (the <c>what</c> of an entry).</summary>
public static class HistorySteps
{
    public const string Requested = "requested";
    public const string NazorgAttempt = "nazorg-attempt";
    public const string WrittenMessage = "written-message";
    public const string NazorgOverridden = "nazorg-overridden";
    public const string WarmHandoverArranged = "warm-handover-arranged";
    public const string WarmHandoverConfirmed = "warm-handover-confirmed";
    public const string Transferred = "transferred";
    public const string Accepted = "accepted";
    public const string Returned = "returned";
    public const string Cancelled = "cancelled";
    public const string Escalated = "escalated";
    public const string PingPong = "ping-pong";
    public const string Casusoverleg = "casusoverleg";
}

/// <summary>
/// The history of a handover, written from the events of each decision (so it cannot disagree with what was published).
/// <c>actor</c> is who gave the command; the deadline sweeper is "system".
/// </summary>
public static class HandoverHistory
{
    public const string System = "system";

    public static IReadOnlyList<HistoryEntry> From(IEnumerable<IClientEvent> events, string actor) =>
        events.Select(e => Entry(e, actor)).OfType<HistoryEntry>().ToList();

    public static HistoryEntry? Entry(IClientEvent @event, string actor) => @event switch
    {
        HandoverRequested e => new HistoryEntry(e.OccurredAt, HistorySteps.Requested, e.RequestedBy) { Reason = e.Reason },
        NazorgAttemptRecorded e => new HistoryEntry(e.AttemptedAt, HistorySteps.NazorgAttempt, actor) { Reached = e.Reached },
        NazorgWrittenMessageRecorded e => new HistoryEntry(e.OccurredAt, HistorySteps.WrittenMessage, actor) { Category = e.Channel },
        NazorgOverridden e => new HistoryEntry(e.OccurredAt, HistorySteps.NazorgOverridden, e.OverriddenBy) { Reason = e.Reason },
        WarmHandoverArranged e => new HistoryEntry(e.OccurredAt, HistorySteps.WarmHandoverArranged, actor) { Colleague = e.ReceivingColleague },
        WarmHandoverConfirmed e => new HistoryEntry(e.OccurredAt, HistorySteps.WarmHandoverConfirmed, e.ReceivingColleague) { Colleague = e.ReceivingColleague },
        HandoverTransferred e => new HistoryEntry(e.OccurredAt, HistorySteps.Transferred, e.TransferredBy),
        HandoverAccepted e => new HistoryEntry(e.OccurredAt, HistorySteps.Accepted, e.AcceptedBy),
        HandoverReturned e => new HistoryEntry(e.OccurredAt, HistorySteps.Returned, e.ReturnedBy) { Category = e.ReasonCategory, Reason = e.Reason },
        HandoverCancelled e => new HistoryEntry(e.OccurredAt, HistorySteps.Cancelled, e.CancelledBy) { Reason = e.Reason },
        // Consequences of a deadline or of a move, never of one employee's choice.
        HandoverEscalated e => new HistoryEntry(e.OccurredAt, HistorySteps.Escalated, System) { Level = e.Level, Cause = e.Cause },
        PingPongDetected e => new HistoryEntry(e.OccurredAt, HistorySteps.PingPong, System) { Category = e.Kind },
        CasusoverlegHeld e => new HistoryEntry(e.OccurredAt, HistorySteps.Casusoverleg, e.RecordedBy) { Reason = e.Outcome },
        _ => null,
    };
}
