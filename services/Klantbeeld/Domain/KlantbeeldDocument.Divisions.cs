using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// What the four divisions contribute to the picture. Never medical content. A list missing from a stored document (one
/// written before the list existed, e.g. during a rolling upgrade) reads as empty, never as null.
/// </summary>
public sealed partial record KlantbeeldDocument
{
    public IReadOnlyList<BeoordelingView> Beoordelingen { get; init => field = value ?? []; } = [];
    public IReadOnlyList<UitkeringView> Uitkeringen { get; init => field = value ?? []; } = [];
    public IReadOnlyList<VoorschotView> Voorschotten { get; init => field = value ?? []; } = [];
    public IReadOnlyList<TerugvorderingView> Terugvorderingen { get; init => field = value ?? []; } = [];
    /// <summary>The most recent contacts (at most <see cref="DivisionProjection.MaxContacts"/>), oldest first.</summary>
    public IReadOnlyList<ContactView> Contacts { get; init => field = value ?? []; } = [];
    public IReadOnlyList<TerugbelverzoekView> Terugbelverzoeken { get; init => field = value ?? []; } = [];
    public IReadOnlyList<HerbeoordelingsverzoekView> Herbeoordelingsverzoeken { get; init => field = value ?? []; } = [];
    public IReadOnlyList<TrajectView> Trajecten { get; init => field = value ?? []; } = [];
    public IReadOnlyList<BezwaarView> Bezwaren { get; init => field = value ?? []; } = [];
    public IReadOnlyList<HerkeuringView> Herkeuringsaanvragen { get; init => field = value ?? []; } = [];
}

public sealed record BeoordelingView(Guid BeoordelingId, string Type, string AoKlasse, string FmlSummary, DateOnly DecisionDate, DateTimeOffset RecordedAt);

public sealed record UitkeringView(Guid UitkeringId, string Type, DateOnly StartDate, DateOnly? EndDate, long MonthlyAmountCents, long Version);

public sealed record VoorschotView(Guid VoorschotId, string Status, DateOnly? StartDate, long MonthlyAmountCents, int UnansweredCalls,
    DateOnly? EmailSentOn, DateOnly? SettledOn, long Version);

public sealed record TerugvorderingView(Guid TerugvorderingId, long AmountCents, string Reason, DateOnly RecordedOn, DateTimeOffset RecordedAt);

public sealed record ContactView(Guid ContactId, DivisionCode Division, string Channel, string Subject, bool Reached, DateTimeOffset ContactAt);

public sealed record TerugbelverzoekView(Guid TerugbelverzoekId, DivisionCode Division, string Subject, bool WwQuestion,
    DateTimeOffset DueAt, DateTimeOffset? CompletedAt, long Version);

/// <summary>A herbeoordelingsverzoek; <see cref="OpenedAt"/> is unknown while only SMZ's events have arrived.</summary>
public sealed record HerbeoordelingsverzoekView(Guid VerzoekId, string State, DateTimeOffset? OpenedAt, DateTimeOffset? PickedUpAt,
    DateTimeOffset? AnsweredAt, bool AoChanged, string? Outcome);

public sealed record TrajectView(Guid TrajectId, string Phase, int Doelen, int Afspraken, long Version);

public sealed record BezwaarView(Guid BezwaarId, DivisionCode DecisionDivision, DateOnly ReceivedOn, DateOnly? BeslistermijnEndsOn, string Status,
    string? Outcome, DateOnly ContactDueOn, DateOnly? ContactedOn, DateOnly? HoorzittingOn, DateOnly? DwangsomFrom, long Version);

public sealed record HerkeuringView(Guid AanvraagId, DateOnly ReceivedOn, DateOnly CallDueOn, DateOnly? CalledOn, long Version);
