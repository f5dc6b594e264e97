namespace Uwv.Contracts.Events;

/// <summary>A handover of a dossier from one division to another was requested.</summary>
public sealed record HandoverRequested(
    Guid HandoverId,
    Guid ClientId,
    Guid DossierId,
    DivisionCode FromDivision,
    DivisionCode ToDivision,
    string State,
    DateTimeOffset OccurredAt) : IClientEvent;
