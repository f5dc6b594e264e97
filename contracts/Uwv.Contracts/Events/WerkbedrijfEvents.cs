namespace Uwv.Contracts.Events;

/// <summary>Werkbedrijf asked SMZ for a herbeoordeling: a first-class cross-division request.</summary>
public sealed record HerbeoordelingsverzoekOpened(
    Guid VerzoekId,
    Guid ClientId,
    Guid WerkbedrijfDossierId,
    string AreaTeam,
    string Reason,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>SMZ picked up a herbeoordelingsverzoek.</summary>
public sealed record HerbeoordelingsverzoekPickedUp(
    Guid VerzoekId,
    Guid ClientId,
    string AreaTeam,
    string PickedUpBy,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>SMZ answered a herbeoordelingsverzoek; <see cref="AoChanged"/> says whether the AO% changed.</summary>
public sealed record HerbeoordelingsverzoekAnswered(
    Guid VerzoekId,
    Guid ClientId,
    string AreaTeam,
    bool AoChanged,
    string Outcome,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>Werkbedrijf started a re-integratietraject (phase "contact maken").</summary>
public sealed record ReintegratietrajectStarted(
    Guid TrajectId,
    Guid ClientId,
    Guid DossierId,
    string Phase,
    int Doelen,
    int Afspraken,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>A re-integratietraject moved to a next phase or got a doel or afspraak. Carries the whole state.</summary>
public sealed record ReintegratietrajectUpdated(
    Guid TrajectId,
    Guid ClientId,
    Guid DossierId,
    string Phase,
    int Doelen,
    int Afspraken,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;
