namespace Uwv.Contracts.Events;

/// <summary>
/// The service norms that carry a durable deadline of their own, besides a handover's acceptance SLA. Each is owned
/// by the division that does the work; its deadline warns, escalates once to the area team's teamleider when it
/// passes, and is resolved (met or not) when the work is done.
/// </summary>
public static class Norms
{
    /// <summary>Call the client back within 24 hours; a WW question within 4 office hours.</summary>
    public const string Terugbelverzoek = "terugbelverzoek";

    /// <summary>Contact the client about a bezwaar within 5 working days of receipt.</summary>
    public const string BezwaarContact = "bezwaar-contact";

    /// <summary>Call the client about a herkeuringsaanvraag within 5 calendar days (seed 003).</summary>
    public const string HerkeuringCall = "herkeuring-call";

    /// <summary>Decide the bezwaar within the beslistermijn (Awb 7:10); warned 10 working days before its end.</summary>
    public const string Beslistermijn = "beslistermijn";

    /// <summary>SMZ answers a herbeoordelingsverzoek of Werkbedrijf within the configured norm (default 10 working days).</summary>
    public const string Herbeoordelingsverzoek = "herbeoordelingsverzoek";

    /// <summary>The yearly contact with a client in WGA 80-100.</summary>
    public const string Wga80100Contact = "wga-80-100-contact";

    public static readonly IReadOnlyList<string> All =
        [Terugbelverzoek, BezwaarContact, HerkeuringCall, Beslistermijn, Herbeoordelingsverzoek, Wga80100Contact];
}

/// <summary>How a norm's deadline ended; only <see cref="Met"/> counts as meeting the norm.</summary>
public static class NormOutcomes
{
    /// <summary>Done on or before the deadline.</summary>
    public const string Met = "met";

    /// <summary>Done after the deadline.</summary>
    public const string Late = "late";

    /// <summary>Closed without reaching the client (a terugbelverzoek): not met, whenever it happened.</summary>
    public const string NotReached = "not-reached";

    /// <summary>The work ended without the norm applying (for example a bezwaar withdrawn before contact): not counted.</summary>
    public const string Void = "void";
}

/// <summary>
/// A norm's deadline was set (or moved, with the same <see cref="DeadlineId"/>) for one piece of work
/// (<see cref="SubjectId"/>: the terugbelverzoek, bezwaar, herkeuringsaanvraag, herbeoordelingsverzoek or WGA
/// monitoring). <see cref="Category"/> narrows the norm for the measures (for a bezwaar "medisch" or
/// "niet-medisch"), empty when the norm has none.
/// </summary>
public sealed record NormDeadlineSet(
    Guid DeadlineId,
    Guid ClientId,
    string Norm,
    string Category,
    Guid SubjectId,
    DivisionCode Division,
    string AreaTeam,
    DateTimeOffset? WarnAt,
    DateTimeOffset DueAt,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>The deadline is near (its warning moment passed) and the work is still open. Once per deadline.</summary>
public sealed record NormDeadlineWarned(
    Guid DeadlineId,
    Guid ClientId,
    string Norm,
    string Category,
    Guid SubjectId,
    DivisionCode Division,
    string AreaTeam,
    DateTimeOffset DueAt,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>
/// The deadline passed with the work still open: escalated once to the area team's teamleider
/// (<see cref="Level"/> "teamleider"), exactly once across sweeps and restarts.
/// </summary>
public sealed record NormDeadlineEscalated(
    Guid DeadlineId,
    Guid ClientId,
    string Norm,
    string Category,
    Guid SubjectId,
    DivisionCode Division,
    string AreaTeam,
    string Level,
    DateTimeOffset DueAt,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>
/// The work the deadline watched is done or ended; <see cref="Outcome"/> is one of <see cref="NormOutcomes"/> and
/// <see cref="Met"/> is true only for <see cref="NormOutcomes.Met"/>. The measures count these once per deadline.
/// </summary>
public sealed record NormDeadlineResolved(
    Guid DeadlineId,
    Guid ClientId,
    string Norm,
    string Category,
    Guid SubjectId,
    DivisionCode Division,
    string AreaTeam,
    DateTimeOffset DueAt,
    DateTimeOffset ResolvedAt,
    string Outcome,
    bool Met,
    bool WasEscalated,
    DateTimeOffset OccurredAt) : IClientEvent;
