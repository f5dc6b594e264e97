namespace Uwv.Contracts.Events;

/// <summary>
/// SMZ received a herkeuringsaanvraag: the procesbegeleider must call the client by <see cref="CallDueOn"/>
/// to explain that a herkeuring can go both ways. No medical content.
/// </summary>
public sealed record HerkeuringsaanvraagReceived(
    Guid AanvraagId,
    Guid ClientId,
    string AreaTeam,
    DateOnly ReceivedOn,
    DateOnly CallDueOn,
    DateOnly? CalledOn,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>The procesbegeleider called the client about a herkeuringsaanvraag. Carries the whole state.</summary>
public sealed record HerkeuringCallRecorded(
    Guid AanvraagId,
    Guid ClientId,
    string AreaTeam,
    DateOnly ReceivedOn,
    DateOnly CallDueOn,
    DateOnly? CalledOn,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;
