namespace Uwv.Contracts.Events;

/// <summary>Uitkeren granted an uitkering (WW, WIA-WGA, WIA-IVA, Ziektewet, Wajong). Amounts are gross per month in cents.</summary>
public sealed record UitkeringGranted(
    Guid UitkeringId,
    Guid ClientId,
    string Type,
    DateOnly StartDate,
    DateOnly? EndDate,
    long MonthlyAmountCents,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>An uitkering got an end date. Carries the whole state, like the grant.</summary>
public sealed record UitkeringEnded(
    Guid UitkeringId,
    Guid ClientId,
    string Type,
    DateOnly StartDate,
    DateOnly? EndDate,
    long MonthlyAmountCents,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>
/// Uitkeren offered a voorschot while the client's WIA claimbeoordeling is pending. <see cref="Status"/> is
/// aangeboden, verstrekt, verrekend or ingetrokken; <see cref="StartDate"/> is set once the client accepts.
/// </summary>
public sealed record VoorschotOffered(
    Guid VoorschotId,
    Guid ClientId,
    DateOnly? StartDate,
    long MonthlyAmountCents,
    string Status,
    int UnansweredCalls,
    DateOnly? EmailSentOn,
    DateOnly? SettledOn,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>A voorschot changed: a call attempt, the e-mail after three unanswered calls, its start or its settlement. Carries the whole state.</summary>
public sealed record VoorschotUpdated(
    Guid VoorschotId,
    Guid ClientId,
    DateOnly? StartDate,
    long MonthlyAmountCents,
    string Status,
    int UnansweredCalls,
    DateOnly? EmailSentOn,
    DateOnly? SettledOn,
    long Version,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>
/// An inkomsten signal (polisadministratie) was set off against an uitkering for one month. For a corrected signal
/// <see cref="DeductedCents"/> is the change to the month's deduction (negative when the correction lowers it).
/// </summary>
public sealed record InkomstenVerrekend(
    Guid SignaalId,
    Guid ClientId,
    Guid UitkeringId,
    string Period,
    long IncomeCents,
    long DeductedCents,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>An overpayment is recovered from the client (terugvordering), with its reason.</summary>
public sealed record TerugvorderingRecorded(
    Guid TerugvorderingId,
    Guid ClientId,
    Guid? UitkeringId,
    long AmountCents,
    string Reason,
    DateOnly RecordedOn,
    DateTimeOffset OccurredAt) : IClientEvent;
