using Uwv.Contracts.Events;

namespace Uwv.Handover.Domain;

/// <summary>What a sender asks for when requesting a handover, with what the service looked up about the dossier.</summary>
public sealed record RequestInput(
    Guid HandoverId,
    Guid ClientId,
    Guid DossierId,
    DivisionCode From,
    DivisionCode To,
    string Reason,
    string? OpenQuestions,
    string Actor,
    OwnershipRow? Owner,
    bool OpenHandoverExists,
    bool ClientHasSignalen);

/// <summary>A command on an existing handover. <see cref="Actor"/> is the employee's user id ("system" for the sweeper).</summary>
public abstract record HandoverCommand(string Actor);

public sealed record RecordNazorgAttempt(string Actor, bool Reached, bool UnderstandsOutcome, bool KnowsNextSteps, string? ExtraNeeds, DateTimeOffset AttemptedAt)
    : HandoverCommand(Actor);

public sealed record RecordWrittenMessage(string Actor, string Channel) : HandoverCommand(Actor);

public sealed record OverrideNazorg(string Actor, string Reason) : HandoverCommand(Actor);

public sealed record ArrangeWarmHandover(string Actor, string ReceivingColleague) : HandoverCommand(Actor);

public sealed record ConfirmWarmHandover(string Actor) : HandoverCommand(Actor);

/// <summary>Transfer, with the client's signalen (they travel along) and the lineage's earlier moves (for ping-pong).</summary>
public sealed record TransferHandover(string Actor, IReadOnlyList<SignaalNote> Signalen, IReadOnlyList<DossierMove> History)
    : HandoverCommand(Actor);

public sealed record AcceptHandover(string Actor) : HandoverCommand(Actor);

public sealed record ReturnHandover(string Actor, string ReasonCategory, string Reason, IReadOnlyList<DossierMove> History)
    : HandoverCommand(Actor);

public sealed record CancelHandover(string Actor, string Reason) : HandoverCommand(Actor);

/// <summary>The teamleider records what the casusoverleg agreed.</summary>
public sealed record RecordCasusoverleg(string Actor, string Outcome) : HandoverCommand(Actor);

/// <summary>A deadline of the handover passed (sent by the SLA sweeper).</summary>
public sealed record EscalateHandover() : HandoverCommand("system");
