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

/// <summary>
/// Who owns the re-integratie of a client after SMZ's beoordeling, as SMZ keeps it. <see cref="Wga"/>: the latest
/// beoordeling is AO klasse 35-80 or 80-100 WGA. <see cref="Owner"/>: "werkbedrijf" (a handover there was accepted),
/// "not-needed" (a teamleider's reason), or null. <see cref="NeedsOwner"/>: a WGA client without an owner. The whole
/// state with a version, so a reader upserts it in any order.
/// </summary>
public sealed record ReintegratieOwnerChanged(
    Guid ClientId,
    string AreaTeam,
    bool Wga,
    string? Owner,
    bool NeedsOwner,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;
