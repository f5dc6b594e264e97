namespace Uwv.Contracts.Events;

/// <summary>
/// The state of a handover as every handover event carries it. <see cref="Version"/> increases with every
/// transition, so a reader can upsert the snapshot in any arrival order and keep the newest.
/// </summary>
public sealed record HandoverSnapshot(
    Guid HandoverId,
    Guid DossierId,
    Guid LineageId,
    DivisionCode FromDivision,
    DivisionCode ToDivision,
    string AreaTeam,
    string Kind,
    string State,
    long Version,
    DateTimeOffset RequestedAt,
    DateTimeOffset? TransferredAt,
    DateTimeOffset? DueAt,
    int EscalationLevel,
    bool WarmHandoverRequired,
    bool Casusoverleg);

/// <summary>An event of one handover's life; every one carries the handover's snapshot after the transition.</summary>
public interface IHandoverEvent : IClientEvent
{
    HandoverSnapshot Handover { get; }
}

/// <summary>How the nazorg of a handover ended at transfer: the figures the nazorg KPIs are made of.</summary>
public sealed record NazorgSummary(bool Required, bool Done, bool Overridden, int Attempts, int? ReachedAtAttempt, bool WrittenMessage);

/// <summary>What travels with a handover so the receiver does not start over. Never medical content.</summary>
public sealed record HandoverPackage(string? NazorgNotes, string? OpenQuestions, IReadOnlyList<SignaalNote> Signalen);

/// <summary>A handover of a dossier from one division to another was requested.</summary>
public sealed record HandoverRequested(
    Guid ClientId,
    HandoverSnapshot Handover,
    string Reason,
    string? OpenQuestions,
    string RequestedBy,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>A nazorg call attempt was recorded, with what was checked when the client was reached.</summary>
public sealed record NazorgAttemptRecorded(
    Guid ClientId,
    HandoverSnapshot Handover,
    int AttemptNumber,
    bool Reached,
    bool UnderstandsOutcome,
    bool KnowsNextSteps,
    string? ExtraNeeds,
    DateTimeOffset AttemptedAt,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>After unanswered nazorg calls, a letter or e-mail was sent instead ("letter" or "email").</summary>
public sealed record NazorgWrittenMessageRecorded(
    Guid ClientId,
    HandoverSnapshot Handover,
    string Channel,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>A teamleider let the handover pass the nazorg gate without nazorg, with a written reason.</summary>
public sealed record NazorgOverridden(
    Guid ClientId,
    HandoverSnapshot Handover,
    string Reason,
    string OverriddenBy,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>A receiving colleague was named for a warme overdracht.</summary>
public sealed record WarmHandoverArranged(
    Guid ClientId,
    HandoverSnapshot Handover,
    string ReceivingColleague,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>The named receiving colleague confirmed the personal introduction.</summary>
public sealed record WarmHandoverConfirmed(
    Guid ClientId,
    HandoverSnapshot Handover,
    string ReceivingColleague,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>The dossier went to the receiving division; it must accept it before <see cref="HandoverSnapshot.DueAt"/>.</summary>
public sealed record HandoverTransferred(
    Guid ClientId,
    HandoverSnapshot Handover,
    Guid ReceivingDossierId,
    NazorgSummary Nazorg,
    HandoverPackage Package,
    string TransferredBy,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>The receiving division accepted the dossier.</summary>
public sealed record HandoverAccepted(
    Guid ClientId,
    HandoverSnapshot Handover,
    string AcceptedBy,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>The receiving division sent the dossier back, with a reason; the sender must act.</summary>
public sealed record HandoverReturned(
    Guid ClientId,
    HandoverSnapshot Handover,
    string ReasonCategory,
    string Reason,
    string ReturnedBy,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>The handover was withdrawn before (re)transfer, with a reason; the dossier stays where it is.</summary>
public sealed record HandoverCancelled(
    Guid ClientId,
    HandoverSnapshot Handover,
    string Reason,
    string CancelledBy,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>The teamleider recorded what the casusoverleg agreed for a handover that a second ping-pong sent there.</summary>
public sealed record CasusoverlegHeld(
    Guid ClientId,
    HandoverSnapshot Handover,
    string Outcome,
    string RecordedBy,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>
/// The handover was escalated: <see cref="Level"/> "teamleider" (of the area team) or "manager";
/// <see cref="Cause"/> "acceptance-sla", "return-follow-up-sla" or "ping-pong".
/// </summary>
public sealed record HandoverEscalated(
    Guid ClientId,
    HandoverSnapshot Handover,
    string Level,
    string Cause,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>
/// The dossier came back to a division it had left within the ping-pong window. <see cref="Kind"/> is "direct"
/// (X→Y→X) or "indirect" (X→Y→…→X); <see cref="Count"/> counts the lineage's ping-pongs so far.
/// </summary>
public sealed record PingPongDetected(
    Guid ClientId,
    HandoverSnapshot Handover,
    DivisionCode ReturnedTo,
    string Kind,
    int Count,
    bool Casusoverleg,
    DateTimeOffset OccurredAt) : IHandoverEvent;

/// <summary>
/// A dossier changed its owning division (a handover's transfer, or its return). The sending division closes
/// <see cref="FromDossierId"/>; the receiving division opens (or reopens) <see cref="ToDossierId"/>, which is
/// derived from the handover so a replay lands on the same dossier. <see cref="Movement"/> is "transfer" or "return".
/// </summary>
public sealed record DossierTransferred(
    Guid TransferId,
    Guid HandoverId,
    Guid ClientId,
    Guid LineageId,
    Guid FromDossierId,
    Guid ToDossierId,
    DivisionCode FromDivision,
    DivisionCode ToDivision,
    string AreaTeam,
    string ReceivingEmployee,
    string Movement,
    DateTimeOffset OccurredAt) : IClientEvent;
