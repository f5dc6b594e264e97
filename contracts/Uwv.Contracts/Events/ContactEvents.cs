namespace Uwv.Contracts.Events;

/// <summary>
/// A division logged a contact with the client (channel, subject, reached or not). The subject is a short,
/// non-medical topic: notes stay in the division.
/// </summary>
public sealed record ContactLogged(
    Guid ContactId,
    Guid ClientId,
    DivisionCode Division,
    string AreaTeam,
    string Channel,
    string Subject,
    bool Reached,
    string LoggedBy,
    DateTimeOffset ContactAt,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>A terugbelverzoek (callback request) was created; <see cref="DueAt"/> is its service-level deadline.</summary>
public sealed record TerugbelverzoekCreated(
    Guid TerugbelverzoekId,
    Guid ClientId,
    DivisionCode Division,
    string AreaTeam,
    string Subject,
    bool WwQuestion,
    DateTimeOffset RequestedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? CompletedAt,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>A terugbelverzoek was answered: the client was called back. Carries the whole state, like its creation.</summary>
public sealed record TerugbelverzoekCompleted(
    Guid TerugbelverzoekId,
    Guid ClientId,
    DivisionCode Division,
    string AreaTeam,
    string Subject,
    bool WwQuestion,
    DateTimeOffset RequestedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? CompletedAt,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;
