using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>What the handover service contributes to the picture.</summary>
public sealed partial record KlantbeeldDocument
{
    public IReadOnlyList<HandoverView> Handovers { get; init; } = [];
    public IReadOnlyList<SignaalView> Signalen { get; init; } = [];
    /// <summary>Every change of owning division, kept so dossier statuses do not depend on event arrival order.</summary>
    public IReadOnlyList<DossierMoveView> DossierMoves { get; init; } = [];
}

public sealed record HandoverView(
    Guid HandoverId,
    Guid DossierId,
    DivisionCode FromDivision,
    DivisionCode ToDivision,
    string State,
    DateTimeOffset RequestedAt,
    DateTimeOffset StateAt)
{
    public long Version { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public int EscalationLevel { get; init; }
    public bool WarmHandoverRequired { get; init; }
    public bool Casusoverleg { get; init; }
}

/// <summary>A kwetsbaarheid signaal as the picture shows it: an observation, never a score.</summary>
public sealed record SignaalView(Guid SignaalId, KwetsbaarheidFactor Factor, string Note, string RecordedBy, DateTimeOffset RecordedAt)
{
    /// <summary>Set once the signaal ended (its note is then dropped); kept so a late SignaalRecorded cannot show it again.</summary>
    public DateTimeOffset? EndedAt { get; init; }
}

public sealed record DossierMoveView(Guid TransferId, Guid FromDossierId, Guid ToDossierId, DivisionCode ToDivision, string AreaTeam, string ReceivingEmployee, DateTimeOffset At);
