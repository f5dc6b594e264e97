namespace Uwv.Contracts.Events;

/// <summary>The division codes used on the bus; the same values as uwv.common.v1.Division.</summary>
public enum DivisionCode
{
    Smz = 1,
    Werkbedrijf = 2,
    Uitkeren = 3,
    BezwaarBeroep = 4,
}

/// <summary>A division opened a dossier for a client.</summary>
public sealed record DossierOpened(
    Guid DossierId,
    Guid ClientId,
    DivisionCode Division,
    string OwnerTeam,
    string OwnerEmployee,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>SMZ finished a beoordeling. The outcome only: medical content never leaves SMZ.</summary>
public sealed record BeoordelingRecorded(
    Guid BeoordelingId,
    Guid ClientId,
    string Type,
    string AoKlasse,
    string FmlSummary,
    DateOnly DecisionDate,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>
/// SMZ decided a client's WIA claimbeoordeling, which ends the reason for Uitkeren's voorschot. Published with the
/// decision's <see cref="BeoordelingRecorded"/>, in the same commit, so that Uitkeren's queue receives only these and
/// not every beoordeling SMZ records.
/// </summary>
public sealed record WiaClaimDecided(
    Guid BeoordelingId,
    Guid ClientId,
    DateOnly DecisionDate,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>
/// An employee of the owning division took a dossier as their own ("aan mij toewijzen"): the dossier's owner employee,
/// with the team it lies in (so the picture can place it even before the opening arrives).
/// </summary>
public sealed record DossierAssigned(
    Guid DossierId,
    Guid ClientId,
    DivisionCode Division,
    string OwnerTeam,
    string Employee,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>A division changed the status of one of its dossiers; every change is also a row in the dossier's status history.</summary>
public sealed record DossierStatusChanged(
    Guid DossierId,
    Guid ClientId,
    DivisionCode Division,
    string FromStatus,
    string ToStatus,
    string Reason,
    string ChangedBy,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;
