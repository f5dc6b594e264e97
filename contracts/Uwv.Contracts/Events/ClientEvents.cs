namespace Uwv.Contracts.Events;

/// <summary>A client was entered in the client register. Carries the BSN: never log this message.</summary>
public sealed record ClientRegistered(
    Guid ClientId,
    string Bsn,
    string Name,
    DateOnly DateOfBirth,
    string Postcode,
    string AreaTeam,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>
/// A client moved: a new postcode, and with it possibly a new area team. The open work of the client follows to the new
/// team (divisions re-route their open dossiers and say so with <see cref="DossierRerouted"/>).
/// </summary>
public sealed record ClientMoved(
    Guid ClientId,
    string OldPostcode,
    string NewPostcode,
    string OldAreaTeam,
    string NewAreaTeam,
    string MovedBy,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>A division moved an open dossier to the client's new area team after a move.</summary>
public sealed record DossierRerouted(
    Guid DossierId,
    Guid ClientId,
    DivisionCode Division,
    string OldTeam,
    string NewTeam,
    DateTimeOffset OccurredAt) : IClientEvent;
