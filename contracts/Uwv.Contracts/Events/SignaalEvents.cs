namespace Uwv.Contracts.Events;

/// <summary>
/// The factors of the UWV kwetsbaarheidsmodel. Draagkracht (capacity): finances, demographics, doenvermogen,
/// thinking skills, social safety net. Draaglast (load): financial pressure, health, home situation, life events,
/// dealings with many agencies. A factor names what an observation is about; it is never a score.
/// </summary>
public enum KwetsbaarheidFactor
{
    Financien = 1,
    Demografie = 2,
    Doenvermogen = 3,
    Denkvaardigheden = 4,
    SociaalVangnet = 5,
    FinancieleDruk = 6,
    Gezondheid = 7,
    Thuissituatie = 8,
    Levensgebeurtenis = 9,
    VeelInstanties = 10,
}

/// <summary>An observation about a client's situation as it travels with a handover: no score, no ranking.</summary>
public sealed record SignaalNote(KwetsbaarheidFactor Factor, string Note, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// An employee recorded a kwetsbaarheid signaal, with the client's consent. It is an observation with a factor,
/// a note, who and when; it is never a score or a ranking, and never medical content.
/// </summary>
public sealed record SignaalRecorded(
    Guid SignaalId,
    Guid ClientId,
    string AreaTeam,
    KwetsbaarheidFactor Factor,
    string Note,
    string RecordedBy,
    DateTimeOffset OccurredAt) : IClientEvent;

/// <summary>
/// A kwetsbaarheid signaal ended: the situation changed (<see cref="Reason"/> in the employee's words) or the client
/// withdrew consent (<see cref="ConsentWithdrawn"/>). It is no longer shown or handed over; the handover service keeps
/// its history. Carries no note.
/// </summary>
public sealed record SignaalEnded(
    Guid SignaalId,
    Guid ClientId,
    string AreaTeam,
    KwetsbaarheidFactor Factor,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    bool ConsentWithdrawn,
    string Reason,
    string EndedBy,
    DateTimeOffset OccurredAt) : IClientEvent;
