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
