namespace Uwv.Contracts.Events;

/// <summary>
/// Bezwaar &amp; Beroep received a bezwaar against a decision of a division. <see cref="Deadline"/> is the Awb 7:10
/// beslistermijn (null while the term is suspended for herstel verzuim).
/// </summary>
public sealed record BezwaarRegistered(
    Guid BezwaarId,
    Guid ClientId,
    string AreaTeam,
    DivisionCode DecisionDivision,
    DateOnly ReceivedOn,
    DateOnly ContactDueOn,
    DateOnly? ContactedOn,
    DateOnly? Deadline,
    string Status,
    string? Outcome,
    DateOnly? HoorzittingOn,
    DateOnly? DwangsomFrom,
    string Change,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>A bezwaar changed (<see cref="Change"/> says how: contact, verdaging, herstel, horen, beslissing, beroep...). Carries the whole state.</summary>
public sealed record BezwaarUpdated(
    Guid BezwaarId,
    Guid ClientId,
    string AreaTeam,
    DivisionCode DecisionDivision,
    DateOnly ReceivedOn,
    DateOnly ContactDueOn,
    DateOnly? ContactedOn,
    DateOnly? Deadline,
    string Status,
    string? Outcome,
    DateOnly? HoorzittingOn,
    DateOnly? DwangsomFrom,
    string Change,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;
